package io.mch.harness.bench;

import io.mch.harness.backend.Fleet;
import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import io.mch.harness.run.RunOutcome;
import io.mch.harness.run.ScenarioRun;
import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.RunContext;
import io.mch.harness.runtime.TimeScale;
import io.mch.harness.workload.Workloads;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.history.HistoryLog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Fleet scale: a hub whose GitOps controller delivers the fixtures' applications to N-1 spokes,
 * written as a topology and a short scenario (a spoke cut off from the hub while a change is
 * committed) in a temporary folder, so the shipped library stays small. For each N: how long the
 * fleet takes to come up and to serve its workload, then the scenario run and the process's peak
 * resident set during it (reset before each size, so each figure is that size's own).
 */
final class FleetScaleBench {

    private static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1");
    private static final List<String> ENVS = List.of("dev", "stage", "production");

    /**
     * One size's figures; {@code faultLateSeconds} is how long after its time (10 s) the partition
     * began (the schedule's own lag on a loaded machine), and {@code crossSent} of
     * {@code crossScheduled} the cross-cluster probes that went out (NaN and 0 when the run failed).
     */
    record Figures(int clusters, double upSeconds, double readySeconds, double runSeconds, String verdict,
            double peakHeapMiB, double peakRssMiB, double faultLateSeconds, long crossSent, long crossScheduled) {}

    private static final long FAULT_AT_MS = 10_000;

    private FleetScaleBench() {}

    static Figures measure(int clusters, Path fixtures) throws Exception {
        Path dir = Files.createTempDirectory("mch-fleet-bench");
        try {
            Path scenarioFile = write(clusters, fixtures, dir);
            Scenario scenario = ScenarioLoader.load(scenarioFile);
            Path manifest = fixtures.resolve("workloads/api-server.yaml");
            long start = System.nanoTime();
            double up;
            try (Fleet fleet = new EmbeddedBackend().start(scenario.topology(), RunContext.detached(TimeScale.REAL, dir))) {
                up = (System.nanoTime() - start) / 1e9;
                fleet.clusters().forEach(c -> Workloads.apply(c.client(), List.of(manifest)));
                fleet.clusters().forEach(c -> Workloads.awaitReady(c.client(), "default", "api-server", Duration.ofMinutes(5)));
            }
            double ready = (System.nanoTime() - start) / 1e9;
            resetPeakRss();
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long runStart = System.nanoTime();
            RunOutcome outcome = new ScenarioRun(scenario, new EmbeddedBackend(), 1, dir.resolve("run"), Console.silent())
                    .execute();
            String verdict = outcome.failure().map(f -> "harness failure: " + f)
                    .orElse(outcome.record().verdict().toString());
            double runSeconds = (System.nanoTime() - runStart) / 1e9;
            History history = HistoryLog.read(dir.resolve("run/history.jsonl"));
            double late = history.of(Event.FaultStarted.class).findFirst()
                    .map(f -> (f.tMs() - FAULT_AT_MS) / 1000.0).orElse(Double.NaN);
            // Without a load balancer the run's only probes are the cross-cluster ones.
            Optional<Event.ProbeAccount> account = history.of(Event.ProbeAccount.class).findFirst();
            return new Figures(clusters, up, ready, runSeconds, verdict, MemoryBench.peakHeapBytes() / 1048576.0,
                    MemoryBench.peakRssKiB() / 1024.0, late, account.map(Event.ProbeAccount::sent).orElse(0L),
                    account.map(Event.ProbeAccount::scheduled).orElse(0L));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** The topology (hub and {@code clusters - 1} spokes over three regions) and the scenario; returns the scenario. */
    static Path write(int clusters, Path fixtures, Path dir) throws IOException {
        var topology = new StringBuilder("""
                name: hub-spokes-%d
                clusters:
                  - { name: hub, region: us-east-1, role: hub, nodes: 1, labels: { env: management } }
                """.formatted(clusters));
        for (int i = 1; i < clusters; i++) {
            topology.append("  - { name: s%d, region: %s, role: spoke, nodes: 2, labels: { env: %s } }%n"
                    .formatted(i, REGIONS.get(i % 3), ENVS.get(i % 3)));
        }
        Path gitops = fixtures.resolve("gitops").toAbsolutePath();
        topology.append("""
                network:
                  latency:
                    - { between: [us-east-1, us-west-2], rtt: 62ms }
                    - { between: [us-east-1, eu-west-1], rtt: 76ms }
                    - { between: [us-west-2, eu-west-1], rtt: 130ms }
                  clients: { region: us-east-1 }
                fabric:
                  sync:
                    hub: hub
                    repository: %s
                    applications: [%s]
                    reconcile-interval: 10s
                    jitter: 0s
                workload:
                  manifests: [%s]
                  service: api-server
                """.formatted(gitops.resolve("repository"), gitops.resolve("applications.yaml"),
                fixtures.resolve("workloads/api-server.yaml").toAbsolutePath()));
        Files.writeString(dir.resolve("topology.yaml"), topology);
        Path scenario = dir.resolve("scenario.yaml");
        Files.writeString(scenario, """
                name: hub-spokes-%d-spoke-partition
                description: A spoke cut off from the hub while a change is committed, on a fleet of %d clusters.
                topology: ./topology.yaml
                duration: 40s
                faults:
                  - at: %ds
                    for: 15s
                    partition: { between: [s1], and: [hub] }
                steps:
                  - at: 15s
                    sync:
                      application: web-config
                      change: web-config.yaml
                      manifest:
                        apiVersion: v1
                        kind: ConfigMap
                        metadata: { name: web-config, namespace: default }
                        data: { color: blue }
                slo:
                  convergence-time: { max: 15s }
                """.formatted(clusters, clusters, FAULT_AT_MS / 1000));
        return scenario;
    }

    private static void resetPeakRss() {
        // Writing 5 to clear_refs resets VmHWM to the current resident set (Linux 4.0 and later).
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not allowed: the peak then covers everything before too.
        }
    }
}
