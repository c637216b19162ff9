package io.mch.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    @TempDir
    Path dir;

    /** A build's second mch run of a scenario replaces its first (as test reports are), and nothing else. */
    @Test
    void onlyAnEarlierRunWhoseProcessEndedIsReplaced() throws Exception {
        Path earlier = RunDirectory.claim(dir.resolve("earlier")).path();
        Files.writeString(earlier.resolve("run.json"), "{}");
        Path foreign = Files.createDirectory(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        Path live = Files.createDirectory(dir.resolve("live"));
        Files.writeString(live.resolve(RunDirectory.MARKER), "pid 1\nstarted now\n");

        assertThat(RunDirectory.replaceEarlierRun(earlier)).isTrue();
        assertThat(earlier).doesNotExist();
        assertThat(RunDirectory.claim(earlier).path()).isDirectory();

        assertThat(RunDirectory.replaceEarlierRun(foreign)).isFalse();
        assertThat(foreign.resolve("notes.txt")).hasContent("mine");
        assertThat(RunDirectory.replaceEarlierRun(live)).as("a run whose process still lives").isFalse();
        assertThat(live.resolve(RunDirectory.MARKER)).isRegularFile();
        assertThat(RunDirectory.replaceEarlierRun(dir.resolve("absent"))).isFalse();
    }

    @Test
    void aNewOrEmptyDirectoryIsClaimedWithMchsMarker() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        assertThat(RunDirectory.claim(dir.resolve("a/new")).path().resolve(RunDirectory.MARKER)).isRegularFile();
        assertThat(RunDirectory.claim(empty).path().resolve(RunDirectory.MARKER)).isRegularFile();
    }

    @Test
    void aClaimedOrForeignDirectoryOrAFileIsRefused() throws Exception {
        Path used = RunDirectory.claim(dir.resolve("used")).path();
        Path foreign = Files.createDirectory(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        Path file = Files.writeString(dir.resolve("file"), "x");

        assertThatThrownBy(() -> RunDirectory.claim(used)).hasMessageContaining("an earlier mch run");
        assertThatThrownBy(() -> RunDirectory.claim(foreign)).hasMessageContaining("holds notes.txt");
        assertThatThrownBy(() -> RunDirectory.claim(file)).hasMessageContaining("is a file");
        assertThat(foreign.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void aTakenDefaultNameGetsAFreshOneBeside() {
        Path base = dir.resolve("runs/s-20260101-120000");

        Path first = RunDirectory.fresh(base).path();
        Path second = RunDirectory.fresh(base).path();

        assertThat(first).isEqualTo(base);
        assertThat(second).isEqualTo(dir.resolve("runs/s-20260101-120000-2"));
    }

    @Test
    void ofRunsClaimingOneEmptyDirectoryAtOnceExactlyOneGetsIt() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<RunDirectory>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claims.add(pool.submit((Callable<RunDirectory>) () -> RunDirectory.claim(shared)));
            }
            int won = 0;
            for (Future<RunDirectory> claim : claims) {
                try {
                    claim.get();
                    won++;
                } catch (java.util.concurrent.ExecutionException refused) {
                    assertThat(refused.getCause()).isInstanceOf(RunDirectory.Refused.class);
                }
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
