package io.mch.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Output directories are the user's: mch refuses what it did not create and loses nothing of it. */
class OutputDirectoryTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @Test
    void aFolderHoldingAUsersRepositoryIsRefusedAndKeptAsItWas() throws Exception {
        Path out = dir.resolve("mine");
        Path own = Files.createDirectories(out.resolve("repository"));
        Files.writeString(own.resolve("app.yaml"), "kind: ConfigMap # the user's\n");

        assertThat(MchCommand.execute("sync", "--topology", "hub-spoke", "--time-scale", "8", "--out", out.toString()))
                .isEqualTo(2);

        assertThat(streams.err()).contains(out + ": not empty (holds repository)").contains("nothing was run");
        assertThat(own.resolve("app.yaml")).hasContent("kind: ConfigMap # the user's");
        assertThat(out.resolve("report.html")).doesNotExist();
    }

    @Test
    void anEmptyOutIsRefusedBeforeAnythingRuns() {
        assertThat(MchCommand.execute("replicate", "--topology", "active-active", "--out", "")).isEqualTo(2);

        assertThat(streams.err()).contains("--out is empty").contains("nothing was run");
        assertThat(Path.of("report.html")).doesNotExist();
        assertThat(Path.of("repository")).doesNotExist();
    }

    @Test
    void aSecondRunIntoAUsedDirectoryIsRefusedAndTheFirstRunsFilesStay() throws Exception {
        Path out = dir.resolve("run");
        assertThat(MchCommand.execute("replicate", "--topology", "active-active", "--time-scale", "8",
                "--out", out.toString())).as(streams.err()).isZero();
        Map<String, String> first = contents(out);

        assertThat(MchCommand.execute("replicate", "--topology", "active-active", "--time-scale", "8",
                "--out", out.toString())).isEqualTo(2);

        assertThat(streams.err()).contains(out + ": not empty (an earlier mch run)");
        assertThat(contents(out)).isEqualTo(first);
    }

    private static Map<String, String> contents(Path root) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }
}
