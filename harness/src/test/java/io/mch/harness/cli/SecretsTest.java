package io.mch.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Secrets stay out of what mch prints and writes. */
class SecretsTest {

    private static final String TOKEN = "sha256~Zk9xQ2x3bVdYc1R0b2tlbg";

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @Test
    void validateNamesAFileThatIsNotAManifestWithoutQuotingIt() throws Exception {
        Files.writeString(dir.resolve("app.env"), "API_TOKEN=" + TOKEN + "\n");
        Path topology = Files.writeString(dir.resolve("t.yaml"), """
                name: t
                clusters:
                  - { name: a, region: r, role: active }
                  - { name: b, region: r2, role: passive }
                fabric:
                  replication:
                    backup: { schedule: app.env, from: a, restore-to: b }
                workload: { manifests: [app.env], service: api }
                """);

        assertThat(MchCommand.execute("validate", topology.toString())).isEqualTo(2);

        assertThat(streams.err()).contains("app.env", "text, not YAML (contents not shown)").doesNotContain(TOKEN, "API_TOKEN");
    }

    @Test
    void consoleLinesAreRedacted() {
        var out = new java.io.ByteArrayOutputStream();
        var console = new io.mch.harness.runtime.Console(new java.io.PrintStream(out), new java.io.PrintStream(out));

        console.progress("GET /api: 401 for Authorization: Bearer " + TOKEN);
        console.print("client-key-data: " + TOKEN + "\n");

        assertThat(out.toString()).doesNotContain(TOKEN).contains("Bearer [redacted]", "client-key-data: [redacted]");
    }
}
