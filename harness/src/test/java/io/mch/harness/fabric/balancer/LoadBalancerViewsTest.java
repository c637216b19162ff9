package io.mch.harness.fabric.balancer;

import io.mch.harness.fabric.FabricContext;
import java.util.function.Consumer;
import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.RunClock;
import io.mch.harness.runtime.TimeScale;
import io.mch.harness.runtime.RunContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mch.faults.Heal;
import io.mch.faults.proxy.Direction;
import io.mch.faults.proxy.LinkProxy;
import io.mch.harness.backend.Fleet;
import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.config.Topology;
import io.mch.harness.config.TopologyLoader;
import io.mch.harness.network.Network;
import io.mch.harness.traffic.Http;
import io.mch.harness.workload.Workloads;
import io.mch.reports.history.Event;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadBalancerViewsTest {

    private static final Path MANIFEST =
            Path.of("../topology-fixtures/workloads/api-server.yaml").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void withAViewInEveryClusterAPartitionBetweenThemSplitsTheirAnswers() throws Exception {
        Topology topology = topology("per-cluster");
        List<Event> events = new CopyOnWriteArrayList<>();
        try (Fleet fleet = new EmbeddedBackend().start(topology, RunContext.detached(TimeScale.REAL, Path.of("target")));
                Network network = Network.of(topology, 1);
                Http http = new Http(4, Duration.ofMillis(500))) {
            fleet.clusters().forEach(c -> Workloads.apply(c.client(), topology.workload().manifests()));
            fleet.clusters().forEach(c -> Workloads.awaitReady(c.client(), "default", "api-server", Duration.ofSeconds(30)));
            try (LoadBalancerViews views = LoadBalancerViews.start(topology.fabric().globalLoadBalancer().orElseThrow(),
                    context(topology, fleet, network, events::add))) {
                List<InetSocketAddress> nameservers = views.nameservers();
                assertThat(nameservers).hasSize(2);
                assertThat(answers(http, nameservers.get(0))).containsExactly("east", "west");
                assertThat(answers(http, nameservers.get(1))).containsExactly("east", "west");

                List<Heal> cut = new ArrayList<>();
                for (String[] pair : new String[][] {{"east", "west"}, {"west", "east"}}) {
                    for (LinkProxy link : network.between(pair[0], pair[1])) {
                        cut.add(link.blackhole(Direction.UPSTREAM));
                        link.resetConnections();
                    }
                }
                await("each view to see only its own cluster").atMost(Duration.ofSeconds(10))
                        .until(() -> answers(http, nameservers.get(0)).equals(Set.of("east"))
                                && answers(http, nameservers.get(1)).equals(Set.of("west")));
                assertThat(events).filteredOn(e -> e instanceof Event.Serving)
                        .extracting(e -> ((Event.Serving) e).reason())
                        .anyMatch(r -> r.startsWith("view of east: west failed"))
                        .anyMatch(r -> r.startsWith("view of west: east failed"));

                cut.forEach(Heal::heal);
                await("the views to agree again").atMost(Duration.ofSeconds(10))
                        .until(() -> answers(http, nameservers.get(0)).size() == 2
                                && answers(http, nameservers.get(1)).size() == 2);
            }
        }
    }

    @Test
    void aSingleViewSitsBesideTheClients() throws Exception {
        Topology topology = topology("single");
        try (Fleet fleet = new EmbeddedBackend().start(topology, RunContext.detached(TimeScale.REAL, Path.of("target")));
                Network network = Network.of(topology, 1);
                LoadBalancerViews views = LoadBalancerViews.start(topology.fabric().globalLoadBalancer().orElseThrow(),
                        context(topology, fleet, network, e -> {}))) {
            assertThat(views.nameservers()).hasSize(1);
            assertThat(network.between("global-load-balancer", "east")).hasSize(1);
            assertThat(network.between("east", "west")).isEmpty();
        }
    }

    /** The clusters a name server hands out over a few queries (round-robin alternates). */
    private static Set<String> answers(Http http, InetSocketAddress nameserver) throws Exception {
        Set<String> clusters = new TreeSet<>();
        for (int i = 0; i < 4; i++) {
            Http.Response response = http.get(nameserver, "/resolve?name=api-server");
            if (response.ok()) {
                clusters.add(response.body().replaceAll(".*\"cluster\":\"([^\"]+)\".*", "$1"));
            }
        }
        return clusters;
    }

    private Topology topology(String views) throws Exception {
        Path file = dir.resolve("aa-" + views + ".yaml");
        Files.writeString(file, """
                name: aa
                clusters:
                  - { name: east, region: r-east, role: active, nodes: 1 }
                  - { name: west, region: r-west, role: active, nodes: 1 }
                network:
                  latency: [ { between: [r-east, r-west], rtt: 10ms } ]
                fabric:
                  global-load-balancer:
                    policy: round-robin
                    views: %s
                    health-check: { interval: 100ms, timeout: 200ms, failure-threshold: 2 }
                    dns-ttl: 1s
                workload:
                  manifests: ["%s"]
                  service: api-server
                """.formatted(views, MANIFEST));
        return TopologyLoader.load(file);
    }

    private static FabricContext context(Topology topology, Fleet fleet, Network network, Consumer<Event> events) {
        return new FabricContext(new RunContext(RunClock.startingNow(), events, 1, Console.silent(), Path.of("target")),
                topology, fleet, network, List.of());
    }
}
