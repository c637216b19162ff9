package io.mch.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mch.harness.runtime.ChildJvm;
import io.mch.reports.RunFiles;
import io.mch.reports.history.HistoryLog;
import io.mch.reports.model.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a run in a JVM of its own ({@link SignalledRun}) that cannot end in order: clusters
 * that never come up, a heal that never returns, a heap used up. Each stops within the bound,
 * leaves a valid {@code run.json} with its end reason, the report and the history, and nothing else.
 */
class SignalStopTest {

    /** From the signal to the process's end: the hard deadline, and time for a loaded machine. */
    private static final Duration BOUND = SignalStop.HARD.plusSeconds(10);
    private static final Duration UP = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void aRunStillStartingIsInterruptedThereAndEndsInOrder() throws Exception {
        try (ChildJvm child = ChildJvm.start(dir, List.of(), SignalledRun.class, "start-hangs", dir.toString())) {
            await("the clusters starting").atMost(UP).until(() -> child.output().contains("starting 2 clusters"));

            assertThat(child.terminate(BOUND)).hasValueSatisfying(
                    took -> assertThat(took).as("ended in order").isLessThan(SignalStop.ORDERLY));

            assertThat(written().endReason()).isEqualTo("interrupted");
            assertThat(child.leftBehind()).isEmpty();
        }
    }

    @Test
    void aHealThatNeverReturnsIsNotWaitedForPastTheDeadline() throws Exception {
        try (ChildJvm child = ChildJvm.start(dir, List.of(), SignalledRun.class, "heal-hangs", dir.toString())) {
            Path history = dir.resolve("run/history.jsonl");
            await("the node loss").atMost(UP)
                    .until(() -> Files.exists(history) && Files.readString(history).contains("\"fault-started\""));

            assertThat(child.terminate(BOUND)).as(child.output()).isPresent();

            assertThat(written().endReason()).startsWith("interrupted; the run did not end within");
            assertThat(child.output()).contains("writing its files from the history so far");
            assertThat(child.leftBehind()).isEmpty();
        }
    }

    @Test
    void aRunWhoseHeapIsUsedUpStillStopsAndWritesItsFiles() throws Exception {
        try (ChildJvm child = ChildJvm.start(dir, List.of("-Xmx256m"), SignalledRun.class, "heap-full", dir.toString())) {
            await("the heap used up").atMost(UP).until(() -> child.output().contains("heap full"));

            assertThat(child.terminate(BOUND)).as(child.output()).isPresent();

            assertThat(written().endReason()).as("stopped, or failed for want of memory").matches("interrupted|failed: .+");
            assertThat(child.leftBehind()).isEmpty();
        }
    }

    /** The run's files: a valid run.json, a history that reads, the report. */
    private RunRecord written() {
        Path run = dir.resolve("run");
        assertThat(run.resolve("report.html")).isRegularFile();
        assertThat(HistoryLog.read(run.resolve("history.jsonl")).events()).isNotEmpty();
        return RunFiles.readRunJson(run);
    }
}
