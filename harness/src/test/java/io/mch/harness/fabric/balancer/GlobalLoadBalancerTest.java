package io.mch.harness.fabric.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.mch.harness.config.Topology;
import io.mch.harness.config.Topology.ClusterSpec;
import io.mch.harness.config.Topology.GlobalLoadBalancerSpec;
import io.mch.harness.config.Topology.HealthCheck;
import io.mch.harness.config.Topology.LbPolicy;
import io.mch.reports.history.Event;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GlobalLoadBalancerTest {

    private final Map<String, AtomicBoolean> up = Map.of("east", new AtomicBoolean(true), "west", new AtomicBoolean(true));
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private final List<Event.Serving> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void failsOverAfterTheThresholdAndFailsBackWhenThePrimaryRecovers() throws Exception {
        try (var glb = start(LbPolicy.FAILOVER)) {
            assertThat(glb.answer()).map(GlobalLoadBalancer.Answer::cluster).contains("east");

            up.get("east").set(false);
            await().atMost(Duration.ofSeconds(5)).until(() -> glb.answer().map(GlobalLoadBalancer.Answer::cluster),
                    a -> a.equals(Optional.of("west")));
            assertThat(events).extracting(Event.Serving::cluster).containsSubsequence("east", "west");
            assertThat(events.get(events.size() - 1).reason()).contains("east failed 3 health checks");

            up.get("east").set(true);
            await().atMost(Duration.ofSeconds(5)).until(() -> glb.answer().map(GlobalLoadBalancer.Answer::cluster),
                    a -> a.equals(Optional.of("east")));
        }
    }

    @Test
    void answersNothingWhenNoClusterIsHealthy() throws Exception {
        try (var glb = start(LbPolicy.FAILOVER)) {
            up.values().forEach(u -> u.set(false));
            await().atMost(Duration.ofSeconds(5)).until(() -> glb.answer().isEmpty());
        }
    }

    @Test
    void roundRobinAlternatesOverHealthyClustersOnly() throws Exception {
        try (var glb = start(LbPolicy.ROUND_ROBIN)) {
            assertThat(List.of(glb.answer().get().cluster(), glb.answer().get().cluster()))
                    .containsExactlyInAnyOrder("east", "west");
            up.get("west").set(false);
            await().atMost(Duration.ofSeconds(5)).until(() -> events.get(events.size() - 1).cluster().equals("east"));
            assertThat(List.of(glb.answer().get().cluster(), glb.answer().get().cluster())).containsOnly("east");
        }
    }

    @Test
    void geoipAnswersTheHealthyClusterNearestTheClients() throws Exception {
        var spec = spec(LbPolicy.GEOIP, Optional.empty(), Optional.empty());
        var network = new Topology.NetworkSpec(List.of(new Topology.RegionLatency("r1", "r2", Duration.ofMillis(76),
                Duration.ZERO)), "r2");
        try (var glb = start(spec, network)) {
            assertThat(glb.answer()).map(GlobalLoadBalancer.Answer::cluster).contains("west");
            up.get("west").set(false);
            await().atMost(Duration.ofSeconds(5)).until(() -> glb.answer().map(GlobalLoadBalancer.Answer::cluster),
                    a -> a.equals(Optional.of("east")));
        }
    }

    @Test
    void aDnsEndpointsRecordsKeepNamingADeadClusterForNothingChecksThem() throws Exception {
        var records = new Topology.DnsRecords("ExternalDNS DNSEndpoint api", "api", List.of("east", "west"), false);
        try (var glb = start(spec(LbPolicy.ROUND_ROBIN, Optional.empty(), Optional.of(records)), network())) {
            up.get("east").set(false);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> List.of(
                    glb.answer().orElseThrow().cluster(), glb.answer().orElseThrow().cluster()),
                    answers -> answers.containsAll(List.of("east", "west")));
            assertThat(events).extracting(Event.Serving::reason)
                    .containsExactly("records of ExternalDNS DNSEndpoint api");
        }
    }

    @Test
    void recordsNamingOneClusterAnswerOnlyIt() throws Exception {
        var records = new Topology.DnsRecords("ExternalDNS DNSEndpoint api", "api", List.of("west"), false);
        try (var glb = start(spec(LbPolicy.ROUND_ROBIN, Optional.empty(), Optional.of(records)), network())) {
            assertThat(List.of(glb.answer().get().cluster(), glb.answer().get().cluster())).containsOnly("west");
        }
    }

    private GlobalLoadBalancer start(LbPolicy policy) throws Exception {
        return start(spec(policy, Optional.of("east"), Optional.empty()), network());
    }

    private static Topology.NetworkSpec network() {
        return new Topology.NetworkSpec(List.of(), "r1");
    }

    private static GlobalLoadBalancerSpec spec(LbPolicy policy, Optional<String> primary,
            Optional<Topology.DnsRecords> records) {
        return new GlobalLoadBalancerSpec(policy, primary,
                new HealthCheck(Duration.ofMillis(50), Duration.ofMillis(200), 3), Duration.ofSeconds(30), Map.of(),
                Topology.Views.SINGLE, records);
    }

    private GlobalLoadBalancer start(GlobalLoadBalancerSpec spec, Topology.NetworkSpec network) throws Exception {
        var topology = new Topology(null, "t",
                List.of(new ClusterSpec("east", "r1", Topology.Role.ACTIVE, 1, Map.of()),
                        new ClusterSpec("west", "r2", Topology.Role.PASSIVE, 1, Map.of())),
                network, null,
                new Topology.FabricSpec(Optional.of(spec)), null);
        return GlobalLoadBalancer.start(spec, topology,
                Map.of("east", healthz("east"), "west", healthz("west")), "api", events::add, 1, System::currentTimeMillis);
    }

    private InetSocketAddress healthz(String cluster) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/healthz/api", exchange -> {
            exchange.sendResponseHeaders(up.get(cluster).get() ? 200 : 503, -1);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return server.getAddress();
    }
}
