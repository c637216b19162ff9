package io.mch.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mch.reports.model.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ActionCommandTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @TempDir
    Path dir;

    @Test
    void anActionATopologyHasNoFabricForIsRefusedWithTheReason() {
        assertThat(MchCommand.execute("connect", "--topology", "active-passive")).isEqualTo(2);
        assertThat(streams.err()).contains("connect does not apply to the active-passive topology: it needs a cluster"
                + " mesh (fabric.mesh)").contains("it applies to mesh").contains("nothing was run");
        assertThat(streams.out()).isEmpty();
    }

    @Test
    void anUnknownTopologyIsBadInput() {
        assertThat(MchCommand.execute("sync", "--topology", "star")).isEqualTo(2);
        assertThat(streams.err()).contains("--topology star: must be one of hub-spoke, mesh, active-active, active-passive");
    }

    @Test
    void aDrillPrintsTheSeedsOutputShapeWithWhatItMeasured() throws Exception {
        int exit = MchCommand.execute("replicate", "--topology", "active-active", "--json", "--time-scale", "4",
                "--out", dir.resolve("run").toString());

        JsonNode result = Json.compact().readTree(streams.out());
        assertThat(exit).as(streams.err()).isZero();
        assertThat(result.get("action").asText()).isEqualTo("replicate");
        assertThat(result.get("topology").asText()).isEqualTo("active-active");
        assertThat(result.get("cluster_status").get("us-east").get("status").asText()).isEqualTo("Healthy");
        assertThat(result.get("sync_status").asText()).isEqualTo("Synced");
        assertThat(result.get("health")).hasSize(2);
        assertThat(result.get("measurements").findValuesAsText("name")).contains("replicate");
        assertThat(result.get("verdict").asText()).isEqualTo("PASS");
        assertThat(dir.resolve("run/report.html")).isRegularFile();
        assertThat(streams.err()).contains("replicate on active-active");
    }
}
