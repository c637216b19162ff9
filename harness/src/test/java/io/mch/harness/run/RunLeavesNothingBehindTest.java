package io.mch.harness.run;

import io.mch.harness.runtime.RunContext;
import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.Threads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mch.faults.Heal;
import io.mch.harness.backend.Backend;
import io.mch.harness.backend.Cluster;
import io.mch.harness.backend.Fleet;
import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.config.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a run — completed, failed in the middle, or interrupted during a fault (SIGTERM) — no
 * thread, server, proxy or port it opened is left: the harness is used inside long-lived JVMs (JUnit, CI), where a leak adds up.
 */
class RunLeavesNothingBehindTest {

    private static final String SCENARIO = """
            name: leak-check
            topology: pair.yaml
            duration: 5s
            faults:
              - at: 1s
                for: 2s
                partition: { between: [east], and: [clients, global-load-balancer] }
              - at: 2s
                cluster-loss: { cluster: west }
            slo:
              availability: { min: 50% }
            """;

    private final List<InetSocketAddress> opened = new CopyOnWriteArrayList<>();

    @Test
    void aCompletedRunClosesEverything(@TempDir Path dir) throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        var scenario = TestScenarios.load(dir, TestScenarios.topology("10ms", "250ms", "200ms", 2, "1s"), SCENARIO);

        RunOutcome outcome = TestScenarios.run(dir, scenario, recording(new EmbeddedBackend(), false));

        assertThat(outcome.failure()).isEmpty();
        assertNothingLeft(before);
    }

    @Test
    void aRunThatFailsMidwayClosesEverythingToo(@TempDir Path dir) throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        var scenario = TestScenarios.load(dir, TestScenarios.topology("10ms", "250ms", "200ms", 2, "1s"), SCENARIO);

        RunOutcome outcome = TestScenarios.run(dir, scenario, recording(new EmbeddedBackend(), true));

        assertThat(outcome.failure()).hasValueSatisfying(f -> assertThat(f).contains("cluster-loss").contains("broken"));
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(dir.resolve("run/history.jsonl")).isRegularFile();
        assertNothingLeft(before);
    }

    @Test
    void aRunInterruptedDuringAFaultHealsItAndClosesEverything(@TempDir Path dir) throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        var scenario = TestScenarios.load(dir, TestScenarios.topology("10ms", "250ms", "200ms", 2, "1s"), """
                name: interrupted
                topology: pair.yaml
                duration: 60s
                faults:
                  - at: 1s
                    for: 50s
                    partition: { between: [east], and: [clients, global-load-balancer, west] }
                """);
        ScenarioRun run = new ScenarioRun(scenario, recording(new EmbeddedBackend(), false), 7, dir.resolve("run"),
                Console.silent());
        CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Path history = dir.resolve("run/history.jsonl");
        await("the partition to start").atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(history) && Files.readString(history).contains("\"fault-started\""));

        run.abort();

        RunOutcome ended = outcome.get(30, TimeUnit.SECONDS);
        assertThat(ended.record().endReason()).isEqualTo("interrupted");
        assertThat(Files.readString(history)).contains("\"fault-healed\"");
        assertNothingLeft(before);
    }

    private void assertNothingLeft(Set<Thread> before) {
        assertThat(opened).isNotEmpty();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(newThreads(before)).isEmpty());
        for (InetSocketAddress address : opened) {
            assertThat(accepts(address)).as("something still listens on " + address).isFalse();
        }
    }

    /**
     * Threads started during the run that are still alive, except process-wide pools nobody owns:
     * the JVM's common pool, fabric8's shared scheduler (it stops itself after 10 s idle) and
     * Java2D's disposer, which the JDK starts once per JVM when the report's charts are first drawn.
     */
    private static List<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName)
                .filter(n -> !n.startsWith("ForkJoinPool.commonPool") && !n.equals("process reaper")
                        && !n.startsWith("Attach Listener") && !n.startsWith("CachedSingleThreadScheduler-")
                        && !n.startsWith("awaitility") && !n.equals("Java2D Disposer"))
                .sorted()
                .collect(Collectors.toList());
    }

    private static boolean accepts(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** Remembers every address the fleet opened; optionally breaks cluster loss to fail midway. */
    private Backend recording(Backend inner, boolean breakClusterLoss) {
        return new Backend() {
            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public Fleet start(Topology topology, RunContext run) throws Exception {
                Fleet fleet = inner.start(topology, run);
                for (Cluster c : fleet.clusters()) {
                    opened.add(c.ingress());
                    URI api = URI.create(c.client().getMasterUrl().toString());
                    opened.add(new InetSocketAddress(api.getHost(), api.getPort()));
                }
                return new ForwardingFleet(fleet) {
                    @Override
                    public Heal loseCluster(String cluster) {
                        if (breakClusterLoss) {
                            throw new IllegalStateException("broken on purpose");
                        }
                        return super.loseCluster(cluster);
                    }
                };
            }
        };
    }
}
