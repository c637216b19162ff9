package io.mch.reports.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.RunFiles;
import io.mch.reports.RunRecords;
import io.mch.reports.history.Event;
import io.mch.reports.html.HtmlReport;
import io.mch.reports.model.RunRecord;
import io.mch.reports.history.History;
import io.mch.reports.model.RunRecord.ProbeSchedule;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeLagTest {

    private static final List<SloResult> SLOS = List.of(
            new SloResult("cross-cluster-latency", 99, 900.0, "ms", "max 50ms", Verdict.FAIL, "p99 over 2 pairs"),
            new SloResult("failover-time", null, 20_000.0, "ms", "max 1m", Verdict.PASS, null),
            new SloResult("availability", null, 90.0, "%", "min 99%", Verdict.FAIL, null));

    /** {@code missed} of 1,000 probes missed by mch, then the traffic's account. */
    private static History history(int missed) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            events.add(i < missed ? new Event.ProbeMissed(i, "a", "b", 250 + i)
                    : new Event.Probe(i, "a", "b", "b", true, 5, null));
        }
        events.add(new Event.ProbeAccount(1_000, 1_010, 1_000 - missed, missed, 10, 100, 0));
        return new History(events);
    }

    @Test
    void everyProbeOfTheScheduleIsAccountedForWithTheWorstLag() {
        ProbeSchedule schedule = ProbeLag.of(history(100)).orElseThrow();

        assertThat(schedule).isEqualTo(new ProbeSchedule(1_010, 900, 100, 10, 100, 349, false));
        assertThat(ProbeLag.describe(schedule)).isEqualTo("mch could not keep its probe rate: 100 of 1010 probes (9.9 %)"
                + " missed by mch (not sent within 100 ms of their time), worst lag 349 ms");
    }

    @Test
    void aProbeJudgedFailOfARunThatLaggedIsUnknownAndAPassStays() {
        List<SloResult> judged = ProbeLag.apply(SLOS, history(100));

        assertThat(judged.get(0).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(judged.get(0).detail()).startsWith("mch could not keep its probe rate")
                .endsWith("(measured: p99 over 2 pairs)");
        assertThat(judged.get(1)).isEqualTo(SLOS.get(1));
        assertThat(judged.get(2).verdict()).as("availability from probes sent by a stalled mch").isEqualTo(Verdict.UNKNOWN);
        assertThat(judged.get(2).value()).isEqualTo(90.0);
    }

    @Test
    void aRunThatKeptItsRateKeepsItsVerdicts() {
        assertThat(ProbeLag.of(history(40)).orElseThrow().rateKept()).isTrue();
        assertThat(ProbeLag.apply(SLOS, history(40))).isEqualTo(SLOS);
    }

    @Test
    void aKilledRunIsAccountedFromItsEventsAndARunWithoutProbesNotAtAll() {
        List<Event> events = new ArrayList<>(history(100).events());
        events.removeIf(Event.ProbeAccount.class::isInstance);

        assertThat(ProbeLag.of(new History(events)).orElseThrow())
                .isEqualTo(new ProbeSchedule(1_000, 900, 100, 0, 0, 349, false));
        assertThat(ProbeLag.of(new History(List.of()))).isEmpty();
    }

    @Test
    void aRunThatDidNotKeepItsRateSaysSoInRunJsonAndTheReport(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        History history = history(100);
        RunRecord run = RunRecords.of(history, ProbeLag.apply(SLOS, history), null, null);

        RunFiles.writeRunJson(dir, run);

        assertThat(java.nio.file.Files.readString(dir.resolve(RunFiles.RUN_JSON)))
                .contains("\"probes\" : {", "\"missed_by_mch\" : 100", "\"rate_kept\" : false");
        assertThat(HtmlReport.render(run, history)).contains("mch could not keep its probe rate: 100 of 1010 probes",
                "cannot FAIL on it and are UNKNOWN instead");
    }
}
