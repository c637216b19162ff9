package io.mch.harness.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTempTest {

    @TempDir
    Path tmp;

    @Test
    void theFoldersOfMchProcessesThatAreGoneAreSweptAndNothingElse() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path dead = Files.createDirectories(tmp.resolve("mch-" + finished.pid()).resolve("vertx-cache-1"));
        Path oldDrill = Files.createDirectories(tmp.resolve("mch-drill-123"));
        Files.writeString(oldDrill.resolve("drill-sync-hub-spoke.yaml"), "name: x");
        Path live = Files.createDirectories(tmp.resolve("mch-" + ProcessHandle.current().pid()));
        Path bench = Files.createDirectories(tmp.resolve("mch-bench42"));
        Path someoneElses = Files.createDirectories(tmp.resolve("vertx-cache-0b1c"));

        var removed = ProcessTemp.sweep(tmp);

        assertThat(dead.getParent()).doesNotExist();
        assertThat(oldDrill).doesNotExist();
        assertThat(removed).hasSize(2).allSatisfy(line -> assertThat(line).contains("an mch process that is gone"));
        assertThat(live).isDirectory();
        assertThat(bench).isDirectory();
        assertThat(someoneElses).isDirectory();
    }

    @Test
    void vertxGetsNoCacheFolderAndAUserSettingIsKept() {
        String before = System.getProperty("vertx.disableFileCPResolving");
        try {
            System.setProperty("vertx.disableFileCPResolving", "false");
            ProcessTemp.configureVertx();
            assertThat(System.getProperty("vertx.disableFileCPResolving")).isEqualTo("false");
            assertThat(System.getProperty("vertx.cacheDirBase"))
                    .startsWith(ProcessTemp.systemTemp().resolve("mch-" + ProcessHandle.current().pid()).toString());
            System.clearProperty("vertx.disableFileCPResolving");
            ProcessTemp.configureVertx();
            assertThat(System.getProperty("vertx.disableFileCPResolving")).isEqualTo("true");
        } finally {
            if (before == null) {
                System.clearProperty("vertx.disableFileCPResolving");
            } else {
                System.setProperty("vertx.disableFileCPResolving", before);
            }
        }
    }
}
