package io.mch.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.model.SloResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cross-cluster latency the probes measure follows the topology's round-trip time. The run
 * lasts long enough that the probes after the 3 s warm-up, which the latency leaves out, carry it.
 */
class CrossClusterLatencyTest {

    @Test
    void aSixtyMillisecondRttMeasuresAboutSixtyAtTheMedian(@TempDir Path dir) throws Exception {
        String scenario = """
                name: latency-only
                topology: pair.yaml
                duration: 9s
                slo:
                  cross-cluster-latency: { percentile: 50, max: 100ms }
                """;
        var loaded = TestScenarios.load(dir, TestScenarios.topology("60ms", "1s", "500ms", 3, "5s"), scenario);
        SloResult latency = TestScenarios.run(dir, loaded).record().slos().get(0);
        assertThat(latency.percentile()).isEqualTo(50);
        assertThat(latency.value()).as(latency.detail()).isBetween(58.0, 75.0);
    }
}
