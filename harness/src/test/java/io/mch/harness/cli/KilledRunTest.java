package io.mch.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mch.harness.run.RunDirectory;
import io.mch.reports.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL, in a JVM of its own with a temp folder of its own: it leaves no
 * Vert.x cache folder, its run directory is readable by {@code mch report}, and what it left is
 * swept by {@code mch heal --backend embedded}.
 */
class KilledRunTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @Test
    void aKilledRunLeavesNoVertxCacheAndItsDirectoryCanBeReported() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path scenario = Files.writeString(dir.resolve("s.yaml"), """
                name: killed
                topology: active-passive
                duration: 5m
                traffic: { rate: 20/s }
                slo:
                  availability: { min: 99% }
                """);
        Path out = dir.resolve("runs/killed");
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-Dmch.fixtures=" + Path.of("../topology-fixtures").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), MchCommand.class.getName(),
                "run", scenario.toString(), "--out", out.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile())
                .start();
        try {
            Path history = out.resolve("history.jsonl");
            await("probes in the history").atMost(Duration.ofSeconds(90))
                    .until(() -> Files.exists(history) && Files.readString(history).contains("\"probe\""));
        } finally {
            run.destroyForcibly().waitFor();
        }
        // What a kill during the last write of run.json would leave.
        Files.writeString(out.resolve(RunFiles.RUN_JSON + ".tmp"), "{\"scenario\":");

        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("vertx-cache"));
        }
        assertThat(out.resolve(RunFiles.RUN_JSON)).doesNotExist();
        assertThat(MchCommand.execute("report", out.toString())).as(streams.err()).isZero();
        assertThat(Files.readString(out.resolve("report.html"))).contains("killed", "availability");

        assertThat(MchCommand.execute("heal", "--backend", "embedded", "--runs", out.getParent().toString())).isZero();
        assertThat(streams.out()).contains("removed " + out.resolve("run.json.tmp"));
        assertThat(out.resolve("run.json.tmp")).doesNotExist();
        assertThat(out.resolve(RunDirectory.MARKER)).exists();
    }
}
