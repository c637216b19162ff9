package io.mch.harness.explore;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.harness.run.RunOutcome;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What one run says about an SLO in a vote: broke, held, or nothing (UNKNOWN, or mch's own lag). */
class TrialTest {

    @Test
    void anUnknownVerdictNeitherBreaksNorHoldsTheSlo() {
        Trials.Trial trial = trial(true, Verdict.UNKNOWN, Verdict.PASS);
        assertThat(trial.breaks("failover-time")).isFalse();
        assertThat(trial.holds("failover-time")).isFalse();
        assertThat(trial.holds("availability")).isTrue();
        assertThat(trial.result()).isEqualTo("no SLO broke; UNKNOWN (decides nothing about it): failover-time");
    }

    @Test
    void aFailBreaksAndAPassHolds() {
        Trials.Trial trial = trial(true, Verdict.FAIL, Verdict.PASS);
        assertThat(trial.breaks("failover-time")).isTrue();
        assertThat(trial.holds("failover-time")).isFalse();
        assertThat(trial.result()).isEqualTo("BROKE failover-time");
    }

    @Test
    void aRunThatMissedItsProbeRateSaysNothingAboutAnySlo() {
        Trials.Trial trial = trial(false, Verdict.FAIL, Verdict.PASS);
        assertThat(trial.breaks("failover-time")).isFalse();
        assertThat(trial.holds("availability")).isFalse();
        assertThat(trial.result()).startsWith("decides nothing: mch could not keep its probe rate (40 of 100");
    }

    private static Trials.Trial trial(boolean rateKept, Verdict failover, Verdict availability) {
        List<SloResult> slos = List.of(
                new SloResult("failover-time", null, 1.0, "ms", "max 20s", failover, null),
                new SloResult("availability", null, 99.0, "%", "min 30%", availability, null));
        RunRecord.ProbeSchedule probes = new RunRecord.ProbeSchedule(100, rateKept ? 100 : 60, rateKept ? 0 : 40, 0, 100,
                rateKept ? 0 : 900, rateKept);
        RunRecord record = new RunRecord("s", "t", "embedded", 1, Verdict.FAIL, slos, List.of(), Map.of(), null,
                List.of(), null, 45_000, 500, null, "completed", 20, List.of(), probes);
        return new Trials.Trial(List.of(), new RunOutcome(record, Path.of("try-001"), Optional.empty()));
    }
}
