package io.mch.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import io.mch.harness.run.Console;
import io.mch.harness.run.RunOutcome;
import io.mch.harness.run.ScenarioRun;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every scenario of the library on the embedded backend, as {@code mvn verify} does in CI,
 * and checks each SLO verdict against what the scenario is known to show. A new scenario must
 * state its expected verdicts here, so a change in behaviour is a test failure, not a surprise.
 */
class ScenarioLibraryIT {

    /** Expected verdict per SLO, per scenario. */
    private static final Map<String, Map<String, Verdict>> EXPECTED = Map.of(
            "active-passive-region-partition", Map.of(
                    "failover-time", Verdict.PASS,
                    "availability", Verdict.PASS,
                    "config-consistency", Verdict.PASS,
                    // A 76 ms inter-region RTT cannot meet a 50 ms cross-cluster target: a true finding.
                    "cross-cluster-latency", Verdict.FAIL),
            "active-passive-node-loss", Map.of(
                    "failover-time", Verdict.PASS,
                    "availability", Verdict.PASS,
                    "config-consistency", Verdict.PASS),
            // Plain run: us-east is lost once and the single-node standby carries the traffic.
            "explore-weak-standby", Map.of(
                    "failover-time", Verdict.PASS,
                    "availability", Verdict.PASS));

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("."))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioMeetsItsExpectedVerdicts(Path file) throws Exception {
        Scenario scenario = ScenarioLoader.load(file);
        Path dir = Path.of("target", "runs", scenario.name());
        RunOutcome outcome = new ScenarioRun(scenario, new EmbeddedBackend(), scenario.seed().orElse(1L), dir,
                Console.system()).execute();

        assertThat(outcome.failure()).as("harness failure").isEmpty();
        assertThat(dir.resolve("run.json")).isRegularFile();
        assertThat(dir.resolve("history.jsonl")).isRegularFile();
        assertThat(dir.resolve("report.html")).isRegularFile();
        Map<String, Verdict> verdicts = outcome.record().slos().stream()
                .collect(Collectors.toMap(SloResult::name, SloResult::verdict));
        assertThat(EXPECTED).as("expected verdicts for " + scenario.name()).containsKey(scenario.name());
        assertThat(verdicts).as(outcome.record().slos().toString()).isEqualTo(EXPECTED.get(scenario.name()));
    }
}
