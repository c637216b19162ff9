package io.mch.reports.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckersTest {

    private static final SloTargets ALL = new SloTargets(
            Optional.of(Duration.ofMinutes(2)),
            Optional.of(new SloTargets.LatencyTarget(99, Duration.ofMillis(50))),
            Optional.of(100.0),
            Optional.of(new SloTargets.AvailabilityTarget(99.9, 4)));

    @Test
    void oneCheckerPerStatedTargetInRunJsonOrder() {
        assertThat(Checkers.forTargets(ALL)).extracting(Checker::name, c -> c.slo().target().text()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("failover-time", "max 2m"),
                org.assertj.core.groups.Tuple.tuple("cross-cluster-latency", "max 50ms"),
                org.assertj.core.groups.Tuple.tuple("config-consistency", "min 100%"),
                org.assertj.core.groups.Tuple.tuple("availability", "min 99.9%"));
        assertThat(Checkers.forTargets(SloTargets.none())).isEmpty();
    }

    @Test
    void anEmptyHistoryIsUnknownForEveryChecker() {
        List<SloResult> results = Checkers.runAll(Checkers.forTargets(ALL), new History(List.of()));
        assertThat(results).hasSize(4).allSatisfy(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
            assertThat(r.value()).isNull();
            assertThat(r.detail()).isNotBlank();
        });
        assertThat(results.get(1).percentile()).isEqualTo(99);
    }

    @Test
    void aThrowingCheckerIsUnknownWithItsErrorAndTheOthersStillRun() {
        Checker broken = new Checker() {
            @Override
            public Slo slo() {
                return new Slo("availability", null, null, Target.minPercent(99.9));
            }

            @Override
            public SloResult check(History history) {
                throw new IllegalStateException("probe table corrupt");
            }
        };
        List<Checker> checkers = new ArrayList<>(List.of(broken));
        checkers.add(new ConfigConsistencyChecker(100));
        Checker silent = new Checker() {
            @Override
            public Slo slo() {
                return new Slo("silent", null, null, null);
            }

            @Override
            public SloResult check(History history) {
                return null;
            }
        };
        checkers.add(silent);

        List<SloResult> results = Checkers.runAll(checkers, Histories.run(50).global(0, 1_000, true).build());

        assertThat(results).hasSize(3);
        assertThat(results.get(0)).isEqualTo(new SloResult("availability", null, null, null, "min 99.9%",
                Verdict.UNKNOWN, "checker failed: java.lang.IllegalStateException: probe table corrupt"));
        assertThat(results.get(1).name()).isEqualTo("config-consistency");
        assertThat(results.get(2)).extracting(SloResult::name, SloResult::target, SloResult::verdict)
                .containsExactly("silent", null, Verdict.UNKNOWN);
    }

    /** A history in which every probe succeeded, with a step that failed: availability alone would PASS. */
    @Test
    void aRunWhoseScheduleDidNotExecuteCannotPass() {
        Histories healthy = Histories.run(100).global(0, 60_000, true);
        List<Checker> availability = List.of(new AvailabilityChecker(99.9, 4));
        assertThat(Checkers.runAll(availability, healthy.build()).get(0).verdict()).isEqualTo(Verdict.PASS);

        History stepFailed = Histories.run(100).global(0, 60_000, true)
                .add(new Event.StepStarted(10_000, 0, "drift", "drift web on dev"))
                .add(new Event.StepEnded(10_000, 0, "drift", false, "failed: Java heap space"))
                .build();
        SloResult judged = Checkers.runAll(availability, stepFailed).get(0);
        assertThat(judged.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(judged.value()).as("what was measured is still shown").isEqualTo(100.0);
        assertThat(judged.detail()).contains("steps[0] (drift): failed: Java heap space");

        History harnessFailed = Histories.run(100).global(0, 60_000, true)
                .add(new Event.RunEnded(60_000, "failed: faults[1] (node-loss) could not be injected", java.util.Map.of()))
                .build();
        assertThat(Checkers.runAll(availability, harnessFailed).get(0).detail())
                .contains("faults[1] (node-loss) could not be injected");
    }
}
