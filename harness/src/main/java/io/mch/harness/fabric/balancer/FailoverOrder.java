package io.mch.harness.fabric.balancer;

import io.mch.harness.config.Topology;
import io.mch.harness.config.Topology.GlobalLoadBalancerSpec;
import io.mch.harness.config.Topology.RegionLatency;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which a load balancer prefers healthy clusters. For {@code geoip}, nearest to the
 * clients first — by the topology's round-trip time from the clients' region (0 inside it, and the
 * clients' own region before another at the same time), then topology order: all global clients sit in one region, so k8gb's GeoIP lookup of each client's
 * address picks the same nearest cluster for all of them, and the next nearest once it fails.
 * Otherwise the primary first, then passive clusters, then the rest, each in topology order.
 */
final class FailoverOrder {

    private FailoverOrder() {}

    static List<String> of(Topology topology, GlobalLoadBalancerSpec spec) {
        if (spec.policy() == Topology.LbPolicy.GEOIP) {
            String clients = topology.network().clientsRegion();
            return topology.clusters().stream()
                    .sorted(Comparator.comparing((Topology.ClusterSpec c) -> rtt(topology, clients, c.region()))
                            .thenComparing(c -> !c.region().equals(clients)))
                    .map(Topology.ClusterSpec::name)
                    .toList();
        }
        List<String> order = new ArrayList<>();
        spec.primary().ifPresent(order::add);
        topology.clusters().stream()
                .filter(c -> c.role() == Topology.Role.PASSIVE)
                .map(Topology.ClusterSpec::name)
                .filter(n -> !order.contains(n))
                .forEach(order::add);
        topology.clusterNames().stream().filter(n -> !order.contains(n)).forEach(order::add);
        return order;
    }

    /** The round-trip time between two regions; none stated between two different regions is none added. */
    private static Duration rtt(Topology topology, String a, String b) {
        if (a.equals(b)) {
            return Duration.ZERO;
        }
        return topology.network().latency().stream()
                .filter(l -> (l.a().equals(a) && l.b().equals(b)) || (l.a().equals(b) && l.b().equals(a)))
                .map(RegionLatency::rtt)
                .findFirst()
                .orElse(Duration.ZERO);
    }
}
