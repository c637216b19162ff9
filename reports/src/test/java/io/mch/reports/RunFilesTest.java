package io.mch.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mch.reports.model.Json;
import io.mch.reports.model.LatencyBreakdown;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {

    /** The run.json example of docs/contracts.md, verbatim: the keys scripts rely on. */
    private static final String CONTRACT_EXAMPLE = """
            {
              "scenario": "active-passive-region-partition",
              "topology": "active-passive",
              "backend": "embedded",
              "seed": 42,
              "verdict": "PASS",
              "slos": [
                { "name": "failover-time", "value": 31250, "unit": "ms", "target": "max 2m", "verdict": "PASS" },
                { "name": "cross-cluster-latency", "percentile": 99, "value": 79.8, "unit": "ms", "target": "max 50ms", "verdict": "FAIL" },
                { "name": "config-consistency", "value": 100.0, "unit": "%", "target": "min 100%", "verdict": "PASS" },
                { "name": "availability", "value": 99.2, "unit": "%", "target": "min 99.9%", "verdict": "FAIL" }
              ],
              "faults": [ { "type": "partition", "start_ms": 30000, "end_ms": 90000 } ],
              "cluster_status": { "us-east": { "status": "Healthy" } },
              "sync_status": "Synced",
              "health": [ { "cluster": "us-east", "status": "Healthy" } ]
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aRecordBuiltInJavaIsWrittenWithEveryContractKeyAndValue() throws Exception {
        RunRecord run = new RunRecord("active-passive-region-partition", "active-passive", "embedded", 42,
                Verdict.PASS,
                List.of(new SloResult("failover-time", null, 31250.0, "ms", "max 2m", Verdict.PASS, "resolution 50 ms"),
                        new SloResult("cross-cluster-latency", 99, 79.8, "ms", "max 50ms", Verdict.FAIL, null),
                        new SloResult("config-consistency", null, 100.0, "%", "min 100%", Verdict.PASS, null),
                        new SloResult("availability", null, 99.2, "%", "min 99.9%", Verdict.FAIL, null)),
                List.of(new RunRecord.FaultWindow("partition", 30000, 90000L, 0, "us-east cut off")),
                Map.of("us-east", new RunRecord.ClusterStatus("Healthy", "us-east-1", "active")),
                "Synced",
                List.of(new RunRecord.Health("us-east", "Healthy")),
                null, 180_000, 50, null, "completed");
        RunFiles.writeRunJson(dir, run);

        JsonNode written = Json.mapper().readTree(dir.resolve("run.json").toFile());
        assertContains(written, Json.mapper().readTree(CONTRACT_EXAMPLE), "$");
        assertThat(RunFiles.readRunJson(dir)).isEqualTo(run);
        assertThat(Files.list(dir)).containsExactly(dir.resolve("run.json"));
    }

    @Test
    void theContractExampleReadsAndWritesBackWithItsKeys() throws Exception {
        Files.writeString(dir.resolve("run.json"), CONTRACT_EXAMPLE);
        RunRecord read = RunFiles.readRunJson(dir);
        assertThat(read.slos()).extracting(SloResult::verdict)
                .containsExactly(Verdict.PASS, Verdict.FAIL, Verdict.PASS, Verdict.FAIL);
        assertThat(read.faults().get(0).endMs()).isEqualTo(90000L);

        Path again = dir.resolve("again");
        RunFiles.writeRunJson(again, read);
        assertContains(Json.mapper().readTree(again.resolve("run.json").toFile()),
                Json.mapper().readTree(CONTRACT_EXAMPLE), "$");
    }

    @Test
    void theLatencyBreakdownIsWrittenByPairAndReadBack() throws Exception {
        LatencyBreakdown breakdown = new LatencyBreakdown("same-region pairs", 3_000, 12, 30, 100, List.of(
                new LatencyBreakdown.PairLatency("hub", "dev", true, 2.1, 30, Verdict.PASS,
                        "p99 of 30 samples is their maximum: it needs 100"),
                new LatencyBreakdown.PairLatency("hub", "prod", false, 79.8, 300, null, null)));
        RunRecord run = new RunRecord("s", "hub-spoke", "embedded", 1, Verdict.PASS,
                List.of(new SloResult("cross-cluster-latency", 99, 2.1, "ms", "max 50ms", Verdict.PASS, null,
                        breakdown)),
                List.of(), Map.of(), "Synced", List.of(), null, 60_000, 50, null, "completed");
        RunFiles.writeRunJson(dir, run);

        JsonNode latency = Json.mapper().readTree(dir.resolve("run.json").toFile()).at("/slos/0/latency");
        assertThat(latency.get("scope").asText()).isEqualTo("same-region pairs");
        assertThat(latency.get("warm_up_ms").asLong()).isEqualTo(3_000);
        assertThat(latency.get("samples_needed").asLong()).isEqualTo(100);
        assertThat(latency.at("/pairs/1/judged").asBoolean()).isFalse();
        assertThat(latency.at("/pairs/1").has("verdict")).isFalse();
        assertThat(RunFiles.readRunJson(dir)).isEqualTo(run);
    }

    /** Every key of {@code expected} exists in {@code actual} with an equal value (numbers by value). */
    private static void assertContains(JsonNode actual, JsonNode expected, String path) {
        if (expected.isObject()) {
            assertThat(actual.isObject()).as(path).isTrue();
            for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                assertThat(actual.has(name)).as(path + "." + name + " is written").isTrue();
                assertContains(actual.get(name), expected.get(name), path + "." + name);
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertContains(actual.get(i), expected.get(i), path + "[" + i + "]");
            }
        } else if (expected.isNumber()) {
            assertThat(actual.isNumber()).as(path).isTrue();
            assertThat(actual.decimalValue()).as(path).isEqualByComparingTo(expected.decimalValue());
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }
}
