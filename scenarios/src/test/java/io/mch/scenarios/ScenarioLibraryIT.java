package io.mch.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import io.mch.harness.runtime.Console;
import io.mch.harness.run.RunOutcome;
import io.mch.harness.run.ScenarioRun;
import io.mch.harness.runtime.TimeScale;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every scenario of the library on the embedded backend, as {@code mvn verify} does in CI,
 * two at a time, and checks each SLO verdict against what the scenario is known to show. A new scenario must
 * state its expected verdicts here, so a change in behaviour is a test failure, not a surprise.
 */
@Execution(ExecutionMode.CONCURRENT)
class ScenarioLibraryIT {

    /**
     * What a scenario is known to show, and how much faster than real time the suite runs it
     * ({@code --time-scale}): the verdicts must hold at that scale too, which keeps the library
     * within the build's time while every scenario still runs.
     */
    private record Expected(double timeScale, Map<String, Verdict> verdicts) {}

    private static final Map<String, Expected> EXPECTED = Map.ofEntries(
            Map.entry("active-passive-region-partition", new Expected(1, Map.of(
                    "failover-time", Verdict.PASS,
                    "availability", Verdict.PASS,
                    "config-consistency", Verdict.PASS,
                    // The seed's regional target: this topology has no two clusters in one region.
                    "cross-cluster-latency", Verdict.UNKNOWN))),
            Map.entry("active-passive-node-loss", new Expected(1, Map.of(
                    "failover-time", Verdict.PASS,
                    "availability", Verdict.PASS,
                    "config-consistency", Verdict.PASS))),
            // Plain run: us-east is lost once and the single-node standby carries the traffic.
            Map.entry("explore-weak-standby", new Expected(1, Map.of(
                    "failover-time", Verdict.PASS,
                    "availability", Verdict.PASS))),
            Map.entry("active-passive-cluster-loss-restore", new Expected(4, Map.of(
                    "failover-time", Verdict.PASS, "rpo", Verdict.PASS, "rto", Verdict.PASS))),
            Map.entry("active-passive-failover-drill", new Expected(4, Map.of(
                    "failover-drill-time", Verdict.PASS, "availability", Verdict.PASS))),
            // The replication stops for the 40 s partition: a lag over 30 s is a true finding.
            Map.entry("active-active-region-partition", new Expected(4, Map.of(
                    "availability", Verdict.PASS, "config-consistency", Verdict.PASS,
                    "replication-lag", Verdict.FAIL))),
            Map.entry("active-active-cluster-loss", new Expected(4, Map.of(
                    "failover-time", Verdict.PASS, "availability", Verdict.PASS))),
            // The seed's DNSEndpoint checks no health: its record keeps naming the lost us-east, whose
            // clients are served again only when it comes back (within the 2 m failover target).
            Map.entry("active-active-seed-dns-endpoint", new Expected(4, Map.of(
                    "availability", Verdict.FAIL, "failover-time", Verdict.PASS))),
            Map.entry("active-active-weighted-latency", new Expected(4, Map.of(
                    "availability", Verdict.PASS, "replication-lag", Verdict.PASS))),
            Map.entry("hub-spoke-spoke-partition", new Expected(4, Map.of(
                    "config-consistency", Verdict.PASS, "convergence-time", Verdict.PASS, "sync-time", Verdict.PASS))),
            Map.entry("hub-spoke-drift-self-heal", new Expected(4, Map.of("config-consistency", Verdict.PASS))),
            Map.entry("hub-spoke-hub-loss", new Expected(4, Map.of(
                    "config-consistency", Verdict.PASS, "convergence-time", Verdict.PASS, "sync-time", Verdict.PASS))),
            Map.entry("hub-spoke-federate-prod", new Expected(4, Map.of(
                    "config-consistency", Verdict.PASS, "federate-time", Verdict.PASS))),
            Map.entry("hub-spoke-slow-link", new Expected(4, Map.of(
                    "config-consistency", Verdict.PASS, "sync-time", Verdict.PASS))),
            Map.entry("hub-spoke-argo-defaults", new Expected(10, Map.of(
                    "config-consistency", Verdict.PASS, "sync-time", Verdict.PASS))),
            Map.entry("mesh-node-loss-local-affinity", new Expected(4, Map.of("availability", Verdict.PASS))),
            // With no local endpoint, eu's calls cross 76-160 ms RTTs: a 50 ms target cannot hold.
            Map.entry("mesh-local-endpoints-lost", new Expected(4, Map.of(
                    "availability", Verdict.PASS, "cross-cluster-latency", Verdict.FAIL))),
            // TTL 0 keeps ap's stale endpoints for the whole partition: calls to them fail.
            Map.entry("mesh-stale-endpoints", new Expected(4, Map.of("availability", Verdict.FAIL))),
            Map.entry("mesh-stale-endpoints-ttl", new Expected(4, Map.of("availability", Verdict.PASS))),
            Map.entry("mesh-connect-ap", new Expected(4, Map.of(
                    "connect-time", Verdict.PASS, "availability", Verdict.PASS))),
            // The seed's four resources: the DNSEndpoint and the mesh's stale endpoints keep sending
            // calls to the lost eu-west; the ApplicationSet and GitRepo converge after it returns.
            Map.entry("seed-four-resources", new Expected(4, Map.of(
                    "availability", Verdict.FAIL, "config-consistency", Verdict.PASS,
                    "convergence-time", Verdict.PASS, "sync-time", Verdict.PASS))));

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("."))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioMeetsItsExpectedVerdicts(Path file) throws Exception {
        Scenario scenario = ScenarioLoader.load(file);
        assertThat(EXPECTED).as("expected verdicts for " + scenario.name()).containsKey(scenario.name());
        Expected expected = EXPECTED.get(scenario.name());
        TimeScale scale = new TimeScale(expected.timeScale());
        Path dir = TargetRuns.fresh(scenario.name());
        RunOutcome outcome = new ScenarioRun(scenario,
                new EmbeddedBackend(),
                scenario.seed().orElse(1L), dir, Console.system(), scale).execute();

        assertThat(outcome.failure()).as("harness failure").isEmpty();
        assertThat(dir.resolve("run.json")).isRegularFile();
        assertThat(dir.resolve("history.jsonl")).isRegularFile();
        assertThat(dir.resolve("report.html")).isRegularFile();
        Map<String, Verdict> verdicts = outcome.record().slos().stream()
                .collect(Collectors.toMap(SloResult::name, SloResult::verdict));
        assertThat(verdicts).as(outcome.record().slos().toString()).isEqualTo(expected.verdicts());
    }
}
