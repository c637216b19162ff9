package io.mch.harness.config;

import io.mch.harness.runtime.TimeScale;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated topology fixture: which clusters exist, where, how the network between regions
 * behaves, the Kubernetes timings, the fabric and the workload. Paths are already resolved.
 */
public record Topology(
        Path file,
        String name,
        List<ClusterSpec> clusters,
        NetworkSpec network,
        KubernetesTimings kubernetes,
        FabricSpec fabric,
        WorkloadSpec workload) {

    public Topology {
        clusters = List.copyOf(clusters);
    }

    public Optional<ClusterSpec> cluster(String name) {
        return clusters.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<String> clusterNames() {
        return clusters.stream().map(ClusterSpec::name).toList();
    }

    /**
     * One cluster of the fleet. {@code context} is the kubeconfig context it is on the kubeconfig
     * backend (default: the cluster's name); other backends ignore it.
     */
    public record ClusterSpec(String name, String region, Role role, int nodes, Map<String, String> labels,
            Optional<String> context) {
        public ClusterSpec {
            labels = Map.copyOf(labels);
        }

        /** A cluster whose kubeconfig context, if any, is named like it. */
        public ClusterSpec(String name, String region, Role role, int nodes, Map<String, String> labels) {
            this(name, region, role, nodes, labels, Optional.empty());
        }
    }

    public enum Role {
        ACTIVE,
        PASSIVE,
        HUB,
        SPOKE,
        PEER
    }

    /** Region round-trip times, and where the global clients (and the load balancer) sit. */
    public record NetworkSpec(List<RegionLatency> latency, String clientsRegion) {
        public NetworkSpec {
            latency = List.copyOf(latency);
        }

        /** The RTT between two regions (order does not matter); zero when not listed. */
        public RegionLatency between(String regionA, String regionB) {
            return latency.stream()
                    .filter(l -> (l.a().equals(regionA) && l.b().equals(regionB))
                            || (l.a().equals(regionB) && l.b().equals(regionA)))
                    .findFirst()
                    .orElse(new RegionLatency(regionA, regionB, Duration.ZERO, Duration.ZERO));
        }
    }

    public record RegionLatency(String a, String b, Duration rtt, Duration jitter) {}

    /** The node lifecycle controller's timings (Kubernetes defaults: 50 s and 300 s). */
    public record KubernetesTimings(Duration nodeMonitorGracePeriod, Duration podEvictionTimeout) {}

    /** The multi-cluster control plane under test; sections not present are empty. */
    public record FabricSpec(
            Optional<GlobalLoadBalancerSpec> globalLoadBalancer,
            Optional<SyncSpec> sync,
            Optional<MeshSpec> mesh,
            Optional<ReplicationSpec> replication) {

        /** A fabric with only a global load balancer (or nothing). */
        public FabricSpec(Optional<GlobalLoadBalancerSpec> globalLoadBalancer) {
            this(globalLoadBalancer, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /**
     * A global load balancer. {@code views} says where its DNS answers come from: {@code SINGLE},
     * one service beside the clients (a cloud GSLB) that health-checks every cluster through the
     * network; or {@code PER_CLUSTER}, as k8gb does it, one controller and DNS server in every
     * cluster, each checking its own cluster directly and the others through the network, with
     * the clients' resolver asking any of them — so during a partition each side may answer
     * differently.
     */
    public record GlobalLoadBalancerSpec(
            LbPolicy policy,
            Optional<String> primary,
            HealthCheck healthCheck,
            Duration dnsTtl,
            Map<String, Integer> weights,
            Views views,
            Optional<DnsRecords> records) {
        public GlobalLoadBalancerSpec {
            weights = Map.copyOf(weights);
        }

        /** A load balancer configured by the topology alone. */
        public GlobalLoadBalancerSpec(LbPolicy policy, Optional<String> primary, HealthCheck healthCheck,
                Duration dnsTtl, Map<String, Integer> weights, Views views) {
            this(policy, primary, healthCheck, dnsTtl, weights, views, Optional.empty());
        }

        /** A load balancer with a single view. */
        public GlobalLoadBalancerSpec(LbPolicy policy, Optional<String> primary, HealthCheck healthCheck,
                Duration dnsTtl, Map<String, Integer> weights) {
            this(policy, primary, healthCheck, dnsTtl, weights, Views.SINGLE);
        }

        /** This load balancer with its health checks and DNS TTL in wall time. */
        public GlobalLoadBalancerSpec wall(TimeScale scale) {
            return new GlobalLoadBalancerSpec(policy, primary,
                    new HealthCheck(scale.wall(healthCheck.interval()), scale.wall(healthCheck.timeout()),
                            healthCheck.failureThreshold()),
                    scale.wall(dnsTtl), weights, views, records);
        }
    }

    /**
     * The DNS records a k8gb {@code Gslb} or an ExternalDNS {@code DNSEndpoint} among the workload's
     * manifests publish: {@code source} names the resource (kind, name, file and line) for the
     * report; {@code service} is the Service the health checks call; {@code members} are the
     * clusters the records may answer with, in record order; {@code healthChecked} is false for a
     * DNSEndpoint on its own — ExternalDNS publishes what is written and checks nothing, so its
     * records keep naming a dead cluster.
     */
    public record DnsRecords(String source, String service, List<String> members, boolean healthChecked) {
        public DnsRecords {
            members = List.copyOf(members);
        }
    }

    /** Where a global load balancer's DNS answers come from (see {@link GlobalLoadBalancerSpec}). */
    public enum Views {
        SINGLE,
        PER_CLUSTER
    }

    /**
     * How a healthy cluster is chosen: the first in failover order, in turn, by weight, or the
     * nearest to the clients ({@code GEOIP}: by the topology's round-trip times from the clients'
     * region, a stand-in for k8gb's GeoIP database lookup of the client's address).
     */
    public enum LbPolicy {
        FAILOVER,
        ROUND_ROBIN,
        WEIGHTED,
        GEOIP
    }

    /** k8gb-style health checks: every {@code interval}, a check that exceeds {@code timeout} fails. */
    public record HealthCheck(Duration interval, Duration timeout, int failureThreshold) {}

    /** Manifests applied to every cluster, and the service the probes call. */
    public record WorkloadSpec(List<Path> manifests, String service) {
        public WorkloadSpec {
            manifests = List.copyOf(manifests);
        }
    }

    /** This topology with every duration in wall time: RTTs, Kubernetes timings, every fabric part's timers. */
    public Topology wall(TimeScale scale) {
        if (!scale.compressed()) {
            return this;
        }
        return new Topology(
                file,
                name,
                clusters,
                new NetworkSpec(
                        network.latency().stream()
                                .map(l -> new RegionLatency(l.a(), l.b(), scale.wall(l.rtt()), scale.wall(l.jitter())))
                                .toList(),
                        network.clientsRegion()),
                new KubernetesTimings(scale.wall(kubernetes.nodeMonitorGracePeriod()),
                        scale.wall(kubernetes.podEvictionTimeout())),
                new FabricSpec(
                        fabric.globalLoadBalancer().map(g -> g.wall(scale)),
                        fabric.sync().map(s -> s.wall(scale)),
                        fabric.mesh().map(m -> m.wall(scale)),
                        fabric.replication().map(r -> r.wall(scale))),
                workload);
    }
}
