package io.mch.harness.config;

import io.mch.harness.input.Problem;
import static io.mch.harness.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationTest {

    @TempDir
    Path dir;

    @Test
    void validatesATopologyByItsClusters() {
        write(dir, "app.yaml", TestFiles.API_SERVER_MANIFEST);
        Path file = write(dir, "t.yaml", TestFiles.TWO_CLUSTERS);

        assertThat(Validation.validate(file)).isEmpty();
    }

    @Test
    void validatesAScenarioByItsTopologyOrDuration() {
        Path file = write(dir, "s.yaml", """
                name: s
                duration: 1m
                """);

        assertThat(Validation.validate(file, Fixtures.in(dir)))
                .containsExactly(new Problem(file, 1, 1, "topology", "required"));
    }

    @Test
    void reportsFilesItCannotRead() throws IOException {
        Path missing = dir.resolve("missing.yaml");
        Path empty = write(dir, "empty.yaml", "# nothing yet\n");
        Path list = write(dir, "list.yaml", "- a\n- b\n");
        Path binary = Files.write(dir.resolve("binary.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});

        assertThat(Validation.validate(missing)).containsExactly(new Problem(missing, 1, 1, "", "file not found"));
        assertThat(Validation.validate(empty)).containsExactly(new Problem(empty, 1, 1, "", "the file is empty"));
        assertThat(Validation.validate(list)).containsExactly(new Problem(list, 1, 1, "",
                "neither a scenario (it would have 'topology:' and 'duration:') nor a topology (it would have"
                        + " 'clusters:')"));
        assertThat(Validation.validate(binary))
                .containsExactly(new Problem(binary, 1, 1, "", "not a UTF-8 text file"));
    }

    @Test
    void formatsProblemsLikeACompiler() {
        Path file = write(dir, "s.yaml", """
                name: s
                topology: ./t.yaml
                duration: soon
                """);

        assertThat(Validation.validate(file)).extracting(Problem::toString).containsExactly(
                file + ":2:11: topology: file not found: " + dir.resolve("t.yaml").toAbsolutePath().normalize(),
                file + ":3:11: duration: malformed duration 'soon'; expected a number with unit ms, s, m or h,"
                        + " e.g. 30s, 1500ms, 0.5s, 3m");
    }
}
