package io.mch.harness.run;

import io.mch.harness.runtime.TimeScale;
import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.judge.SloTargets;
import io.mch.reports.history.Event;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFrameTest {

    @Test
    void theStartEventCarriesTheTopologysRoundTripTimesUnscaled(@TempDir Path dir) throws Exception {
        String scenario = """
                name: frame
                topology: pair.yaml
                duration: 60s
                """;
        var loaded = TestScenarios.load(dir, TestScenarios.topology("76ms", "1s", "500ms", 3, "5s"), scenario);
        Event.RunStarted start = RunFrame.startEvent(loaded, "embedded", 7, TimeScale.parse(10).orElseThrow());
        assertThat(start.timeScale()).isEqualTo(10);
        assertThat(start.rtts()).containsExactly(new Event.RegionRtt("r-east", "r-west", 76));
    }

    @Test
    void theStartEventRecordsTheSloTargetsSoAKilledRunCanBeJudgedLater(@TempDir Path dir) throws Exception {
        var loaded = TestScenarios.load(dir, TestScenarios.topology("76ms", "1s", "500ms", 3, "5s"), """
                name: frame
                topology: pair.yaml
                duration: 60s
                slo:
                  failover-time: { max: 2m }
                  cross-cluster-latency: { percentile: 99, max: 150ms }
                  availability: { min: 99.5%, incidents-per-year: 2 }
                  rpo: { max: 90s }
                """);

        Event.RunStarted start = RunFrame.startEvent(loaded, "embedded", 7, TimeScale.REAL);
        Event.RunStarted read = (Event.RunStarted) io.mch.reports.model.Json.compact().readValue(
                io.mch.reports.model.Json.compact().writeValueAsString(start), Event.class);

        assertThat(read.slo().failoverTimeMaxMs()).isEqualTo(120_000);
        assertThat(SloTargets.of(read.slo())).isEqualTo(loaded.slo());
    }
}
