package io.mch.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mch.reports.RunFiles;
import io.mch.reports.model.Measurement;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The fluent assertions, on a run.json written the way a run writes it. */
class MchRunTest {

    @TempDir
    Path dir;

    private MchRun run;

    @BeforeEach
    void writeRunJson() {
        RunFiles.writeRunJson(dir, new RunRecord("s", "t", "embedded", 1, Verdict.FAIL,
                List.of(new SloResult("failover-time", null, 12_500.0, "ms", "max 2m", Verdict.PASS, "resolution 50 ms"),
                        new SloResult("availability", null, 97.5, "%", "min 99.9%", Verdict.FAIL, null)),
                List.of(), Map.of(), "Synced", List.of(), "", 60_000, 50, "2026-01-01T00:00:00Z", "completed", 4,
                List.of(new Measurement("convergence", "config", 1_800, 250, 40_000, "after the last heal"),
                        new Measurement("failover", "eu-west", 12_500, 50, 20_000, null))));
        run = MchRun.read(dir);
    }

    @Test
    void readsTheVerdictAndTheTable() {
        assertThat(run.passed()).isFalse();
        assertThat(run.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(run.summary()).contains("failover-time").contains("availability").contains("FAIL");
    }

    @Test
    void sloAssertionsPassOnWhatWasMeasured() {
        run.slo("failover-time").passed().valueAtMost(12_500).valueAtLeast(10_000);
        run.slo("availability").failed().valueAtLeast(97);
    }

    @Test
    void aFailedSloAssertionNamesTheSloWhatWasMeasuredAndShowsTheTable() {
        assertThatThrownBy(() -> run.slo("availability").passed())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("availability is FAIL, expected PASS")
                .hasMessageContaining("measured 97.5 %, target min 99.9%")
                .hasMessageContaining("VERDICT");
        assertThatThrownBy(() -> run.slo("failover-time").valueAtMost(10_000))
                .hasMessageContaining("failover-time should be at most 10000.0 ms");
        assertThatThrownBy(() -> run.slo("rpo")).hasMessageContaining("no SLO 'rpo' was judged; judged: failover-time, availability");
    }

    @Test
    void measurementAssertionsNameTheSubjectsOverTheLimit() {
        run.measurement("convergence").atMost(Duration.ofSeconds(2)).atLeast(Duration.ofSeconds(1));
        run.measurement("failover").of("eu-west").atMost(Duration.ofSeconds(13));

        assertThatThrownBy(() -> run.measurement("failover").atMost(Duration.ofSeconds(10)))
                .hasMessageContaining("failover should be at most 10000 ms; over it: eu-west 12500.0 ms (resolution 50.0 ms)");
        assertThatThrownBy(() -> run.measurement("failover").of("us-east")).hasMessageContaining("subjects: eu-west");
        assertThatThrownBy(() -> run.measurement("rto")).hasMessageContaining("measured: convergence, failover");
    }

    @Test
    void aDirectoryWithoutRunJsonIsAFailure(@TempDir Path empty) {
        assertThatThrownBy(() -> MchRun.read(empty)).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("no run.json in " + empty);
    }
}
