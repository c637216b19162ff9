package io.mch.harness.run;

import io.mch.harness.runtime.TimeScale;
import static org.assertj.core.api.Assertions.assertThat;

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
}
