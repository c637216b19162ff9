package io.mch.harness.run;

import io.mch.harness.runtime.Console;
import io.mch.harness.backend.Backend;
import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a two-region topology and a scenario into a folder and runs it on the embedded backend. */
final class TestScenarios {

    static final Path MANIFEST = Path.of("../topology-fixtures/workloads/api-server.yaml").toAbsolutePath().normalize();

    /** East cut off from everyone at 4 s, never healed: a failover to west within a 16 s run. */
    static final String CUT_EAST = """
            name: cut-east
            topology: pair.yaml
            duration: 16s
            traffic: { rate: 20/s, timeout: 500ms }
            faults:
              - at: 4s
                partition: { between: [east], and: [clients, global-load-balancer, west] }
            slo:
              failover-time: { max: 1m }
              cross-cluster-latency: { percentile: 50, max: 1s }
            """;

    private TestScenarios() {}

    /** An active-passive pair, {@code rtt} apart, with the given load-balancer settings. */
    static String topology(String rtt, String interval, String timeout, int threshold, String ttl) {
        return """
                name: pair
                clusters:
                  - { name: east, region: r-east, role: active, nodes: 2 }
                  - { name: west, region: r-west, role: passive, nodes: 2 }
                network:
                  latency:
                    - { between: [r-east, r-west], rtt: %s }
                  clients: { region: r-east }
                fabric:
                  global-load-balancer:
                    policy: failover
                    primary: east
                    health-check: { interval: %s, timeout: %s, failure-threshold: %d }
                    dns-ttl: %s
                workload:
                  manifests: ["%s"]
                  service: api-server
                """.formatted(rtt, interval, timeout, threshold, ttl, MANIFEST);
    }

    static Scenario load(Path dir, String topology, String scenario) throws Exception {
        Files.writeString(dir.resolve("pair.yaml"), topology);
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, scenario);
        return ScenarioLoader.load(file);
    }

    static RunOutcome run(Path dir, Scenario scenario) throws Exception {
        return run(dir, scenario, new EmbeddedBackend());
    }

    static RunOutcome run(Path dir, Scenario scenario, Backend backend) throws Exception {
        return new ScenarioRun(scenario, backend, 7, dir.resolve("run"), Console.silent()).execute();
    }
}
