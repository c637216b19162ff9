package io.mch.harness.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.faults.Heal;
import io.mch.faults.nemesis.PartitionNemesis;
import io.mch.faults.spec.FaultSpec;
import io.mch.faults.spec.PartitionDirection;
import io.mch.harness.config.Topology;
import io.mch.harness.traffic.Http;
import io.mch.harness.traffic.HttpServers;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkTest {

    private static final Topology TOPOLOGY = new Topology(null, "t",
            List.of(new Topology.ClusterSpec("a", "r1", Topology.Role.PEER, 1, Map.of()),
                    new Topology.ClusterSpec("b", "r2", Topology.Role.PEER, 1, Map.of())),
            new Topology.NetworkSpec(List.of(), "r1"), null, new Topology.FabricSpec(Optional.empty()), null);

    @Test
    void aPartitionAlsoCutsLinksOpenedWhileItIsActiveAndNoneOpenedAfterItsHeal() throws Exception {
        HttpServer first = server();
        HttpServer second = server();
        try (Network network = Network.of(TOPOLOGY, 1); Http http = new Http(2, Duration.ofMillis(300))) {
            InetSocketAddress before = network.connect("a", "b", first.getAddress());
            Heal partition = new PartitionNemesis(network).inject(
                    new FaultSpec.Partition(List.of("a"), List.of("b"), PartitionDirection.BOTH));
            InetSocketAddress during = network.connect("a", "b", second.getAddress());

            assertThat(reachable(http, before)).isFalse();
            assertThat(reachable(http, during)).as("a link opened during the partition").isFalse();

            partition.heal();
            assertThat(reachable(http, before)).isTrue();
            assertThat(reachable(http, during)).isTrue();
            InetSocketAddress after = network.connect("b", "a", first.getAddress());
            assertThat(reachable(http, after)).as("a link opened after the heal").isTrue();
        } finally {
            first.stop(0);
            second.stop(0);
        }
    }

    @Test
    void eachSourcesLinksListenOnItsOwnLoopbackAddressAndEveryPairKeepsItsOwnLink() throws Exception {
        HttpServer target = server();
        try (Network network = Network.of(TOPOLOGY, 1); Http http = new Http(4, Duration.ofMillis(300))) {
            InetSocketAddress fromClients = network.connect(Endpoints.CLIENTS, "b", target.getAddress());
            InetSocketAddress fromA = network.connect("a", "b", target.getAddress());
            InetSocketAddress fromAAgain = network.connect("a", "b", target.getAddress());
            InetSocketAddress fromB = network.connect("b", "a", target.getAddress());

            assertThat(fromAAgain).as("one link per pair and target").isEqualTo(fromA);
            assertThat(List.of(fromClients, fromA, fromB)).extracting(a -> a.getAddress().getHostAddress())
                    .containsExactly("127.1.0.1", "127.1.0.2", "127.1.0.3");
            assertThat(List.of(fromClients, fromA, fromB)).allMatch(address -> reachable(http, address));

            Heal partition = new PartitionNemesis(network).inject(
                    new FaultSpec.Partition(List.of("a"), List.of("b"), PartitionDirection.BOTH));
            assertThat(reachable(http, fromA)).as("a → b is cut").isFalse();
            assertThat(reachable(http, fromB)).as("b → a is cut").isFalse();
            assertThat(reachable(http, fromClients)).as("clients → b, to the same server, is another pair's link").isTrue();
            partition.heal();
            assertThat(List.of(fromClients, fromA, fromB)).allMatch(address -> reachable(http, address));
        } finally {
            target.stop(0);
        }
    }

    private static boolean reachable(Http http, InetSocketAddress address) {
        try {
            return http.get(address, "/").status() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private static HttpServer server() throws Exception {
        HttpServer server = HttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
