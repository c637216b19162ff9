package io.mch.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measured failover time must follow the load balancer's configuration: detection takes
 * between (threshold − 1) and threshold health-check intervals (plus a check's timeout), and the
 * clients keep their cached answer for up to one DNS TTL on top. A faster configuration must
 * measure a shorter failover, each inside the window its own settings predict.
 */
class FailoverFollowsConfigurationTest {

    @Test
    void fasterHealthChecksAndShorterTtlGiveProportionallyShorterFailover(@TempDir Path slowDir, @TempDir Path fastDir)
            throws Exception {
        double slow = failoverMs(slowDir, "1s", "300ms", 3, "5s");
        double fast = failoverMs(fastDir, "250ms", "200ms", 2, "1s");

        // Predicted windows: [(threshold-1) x interval, threshold x interval + timeout + ttl + slack].
        assertThat(slow).isBetween(2_000.0, 3_000 + 300 + 5_000 + 500.0);
        assertThat(fast).isBetween(250.0, 500 + 200 + 1_000 + 500.0);
        assertThat(fast).isLessThan(slow);
    }

    @Test
    void trafficThatNeverRecoversFailsTheSlo(@TempDir Path dir) throws Exception {
        String everythingCut = """
                name: cut-all
                topology: pair.yaml
                duration: 8s
                traffic: { rate: 20/s, timeout: 300ms }
                faults:
                  - at: 3s
                    partition: { between: [clients], and: [east, west, global-load-balancer] }
                slo:
                  failover-time: { max: 1m }
                """;
        var scenario = TestScenarios.load(dir, TestScenarios.topology("10ms", "250ms", "200ms", 2, "1s"), everythingCut);
        SloResult failover = TestScenarios.run(dir, scenario).record().slos().get(0);
        assertThat(failover.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(failover.value()).isNull();
        assertThat(failover.detail()).contains("never recovered");
    }

    private static double failoverMs(Path dir, String interval, String timeout, int threshold, String ttl)
            throws Exception {
        var scenario = TestScenarios.load(dir, TestScenarios.topology("10ms", interval, timeout, threshold, ttl),
                TestScenarios.CUT_EAST);
        RunOutcome outcome = TestScenarios.run(dir, scenario);
        assertThat(outcome.failure()).isEmpty();
        SloResult failover = outcome.record().slos().get(0);
        assertThat(failover.verdict()).as(failover.toString()).isEqualTo(Verdict.PASS);
        return failover.value();
    }
}
