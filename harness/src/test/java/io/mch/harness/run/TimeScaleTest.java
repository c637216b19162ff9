package io.mch.harness.run;

import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.TimeScale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.backend.embedded.SimulatorTimings;
import io.mch.reports.history.Event;
import io.mch.reports.history.HistoryLog;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compressed run must measure the same scenario as a real-time one: the failover time of a
 * partition at ×10 agrees with the one at ×1 within the ×10 run's resolution (its probe interval
 * in scenario time), and region RTTs stay RTTs in scenario time.
 */
class TimeScaleTest {

    @Test
    void convertsBetweenScenarioAndWallTime() {
        TimeScale k = new TimeScale(20);
        assertThat(k.wall(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(50));
        assertThat(k.scenario(Duration.ofMillis(50))).isEqualTo(Duration.ofSeconds(1));
        assertThat(k.scenarioMs(3.8)).isEqualTo(76.0);
        assertThat(SimulatorTimings.KUBERNETES.wall(k).reconcileInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(SimulatorTimings.KUBERNETES.wall(k).leaseRenewInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(TimeScale.parse(0.5)).isEmpty();
        assertThatThrownBy(() -> new TimeScale(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failoverAtTenTimesSpeedAgreesWithRealTimeWithinTheResolution(@TempDir Path realDir, @TempDir Path fastDir)
            throws Exception {
        SloResult[] real = run(realDir, TimeScale.REAL);
        SloResult[] fast = run(fastDir, new TimeScale(10));

        // Detection takes 2 to 3 intervals plus a timeout, the clients' answer up to one TTL more.
        assertThat(real[0].value()).isBetween(2_000.0, 3_000 + 300 + 1_000 + 50.0);
        assertThat(fast[0].value()).isBetween(2_000.0, 3_000 + 300 + 1_000 + 500.0);
        // The ×10 run's resolution is 10 × 50 ms; a little more for where its health checks fall.
        assertThat(Math.abs(real[0].value() - fast[0].value())).isLessThanOrEqualTo(500 + 250.0);
        // The regions are 76 ms apart in scenario time whatever the scale: no cross-cluster call is
        // quicker. Read from every probe: the judge's warm-up (3 s of wall time, 30 s at ×10) would
        // leave the ×10 run's 16 s nothing to judge.
        assertThat(quickestCrossCluster(realDir)).isGreaterThanOrEqualTo(76.0);
        assertThat(quickestCrossCluster(fastDir)).isGreaterThanOrEqualTo(76.0);
        assertThat(Files.readString(fastDir.resolve("run/history.jsonl"))).contains("\"probe_interval_ms\":500.0");
    }

    private static double quickestCrossCluster(Path dir) {
        return HistoryLog.read(dir.resolve("run/history.jsonl")).crossClusterProbes().stream()
                .filter(Event.Probe::ok).mapToDouble(Event.Probe::latencyMs).min().orElseThrow();
    }

    private static SloResult[] run(Path dir, TimeScale scale) throws Exception {
        var scenario = TestScenarios.load(dir, TestScenarios.topology("76ms", "1s", "300ms", 3, "1s"),
                TestScenarios.CUT_EAST);
        var backend = new EmbeddedBackend();
        RunOutcome outcome = new ScenarioRun(scenario, backend, 7, dir.resolve("run"), Console.silent(), scale).execute();
        assertThat(outcome.failure()).isEmpty();
        SloResult failover = outcome.record().slos().get(0);
        assertThat(failover.verdict()).as(failover.toString()).isEqualTo(Verdict.PASS);
        return new SloResult[] {failover};
    }
}
