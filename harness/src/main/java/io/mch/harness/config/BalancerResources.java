package io.mch.harness.config;

import io.mch.harness.config.Topology.ClusterSpec;
import io.mch.harness.config.Topology.DnsRecords;
import io.mch.harness.config.Topology.FabricSpec;
import io.mch.harness.config.Topology.GlobalLoadBalancerSpec;
import io.mch.harness.config.Topology.HealthCheck;
import io.mch.harness.config.Topology.LbPolicy;
import io.mch.harness.config.Topology.Views;
import io.mch.harness.config.Topology.WorkloadSpec;
import io.mch.harness.input.Cursor;
import io.mch.harness.input.Problems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The global load balancer configured by the real resources among the workload's manifests: a
 * k8gb {@code Gslb} ({@link GslbBinder}) or an ExternalDNS {@code DNSEndpoint}
 * ({@link DnsEndpointBinder}). They are only read here; applying them to the clusters is the
 * workload's business. What a resource states, the topology's {@code global-load-balancer}
 * section may repeat but not contradict (a contradiction is refused at the topology's field); what
 * the resource has no field for comes from the section: its health checks, the stand-in for k8gb's
 * reconcile loop (k8gb's defaults when the section states none: every 30 s, one failed reconcile
 * removes a cluster), and {@code addresses}, which map a record's targets to clusters.
 */
final class BalancerResources {

    /** k8gb's reconcile ({@code reconcileRequeueSeconds}, 30 s) as health checks; the 1 s timeout is mch's. */
    static final HealthCheck K8GB_RECONCILE = new HealthCheck(Duration.ofSeconds(30), Duration.ofSeconds(1), 1);

    private record Document(Cursor cursor, Path file) {}

    private BalancerResources() {}

    /** {@code fabric} with its load balancer configured by the resources, if any; empty after a problem. */
    static Optional<FabricSpec> configure(FabricSpec fabric, Optional<Cursor> section, WorkloadSpec workload,
            List<ClusterSpec> clusters, Problems problems) {
        int before = problems.count();
        List<Document> documents = documents(workload.manifests(), problems);
        List<Document> gslbs = ofKind(documents, "Gslb", GslbBinder.API_VERSIONS);
        List<Document> endpoints = ofKind(documents, "DNSEndpoint", List.of(DnsEndpointBinder.API_VERSION));
        Map<String, Cursor> stated = section.flatMap(Cursor::entries).orElse(Map.of());
        Map<String, String> addresses = addresses(stated.get("addresses"), clusters);
        if (problems.count() > before) {
            return Optional.empty();
        }
        Optional<DnsRecordsRead> read = Optional.empty();
        if (!gslbs.isEmpty() && !endpoints.isEmpty()) {
            endpoints.get(0).cursor().problem("k8gb publishes a Gslb's records itself; a DNSEndpoint beside the Gslb at "
                    + Resources.at(gslbs.get(0).cursor(), gslbs.get(0).file()) + " is not modelled");
        } else if (gslbs.size() > 1 || endpoints.size() > 1) {
            List<Document> extra = gslbs.size() > 1 ? gslbs : endpoints;
            extra.get(1).cursor().problem("mch's clients resolve one name: one Gslb or one DNSEndpoint, the first at "
                    + Resources.at(extra.get(0).cursor(), extra.get(0).file()));
        } else if (!gslbs.isEmpty()) {
            Document d = gslbs.get(0);
            read = new GslbBinder(clusters, documents.stream().map(Document::cursor).toList()).bind(d.cursor())
                    .filter(g -> probed(d, g.service(), workload))
                    .map(g -> new DnsRecordsRead(new DnsRecords("k8gb Gslb " + describe(d) + ", host " + g.host(),
                            g.service(), names(clusters), true), g.policy(), g.primary(), g.weights(), g.ttl(),
                            Views.PER_CLUSTER));
        } else if (!endpoints.isEmpty()) {
            Document d = endpoints.get(0);
            read = new DnsEndpointBinder(addresses).bind(d.cursor())
                    .map(r -> new DnsRecordsRead(new DnsRecords("ExternalDNS DNSEndpoint " + describe(d) + ", " + r.name()
                            + " (no health checks)", workload.service(), r.members(), false),
                            r.weights().isEmpty() ? LbPolicy.ROUND_ROBIN : LbPolicy.WEIGHTED, Optional.empty(),
                            r.weights(), r.ttl(), Views.SINGLE));
        } else if (stated.containsKey("addresses")) {
            stated.get("addresses").problem("only used with a DNSEndpoint among the workload's manifests");
        }
        if (read.isEmpty() && problems.count() == before && !(gslbs.isEmpty() && endpoints.isEmpty())) {
            (gslbs.isEmpty() ? endpoints : gslbs).get(0).cursor().problem("cannot be read as the load balancer's records");
        }
        Optional<FabricSpec> configured = Optional.of(read.map(r -> new FabricSpec(
                Optional.of(r.spec(fabric.globalLoadBalancer(), stated)), fabric.sync(), fabric.mesh(),
                fabric.replication())).orElse(fabric));
        return problems.count() > before ? Optional.empty() : configured;
    }

    /** What a resource configures, before it meets the topology's section. */
    private record DnsRecordsRead(DnsRecords records, LbPolicy policy, Optional<String> primary,
            Map<String, Integer> weights, Duration ttl, Views views) {

        /** The load balancer, each stated topology field checked against the resource's. */
        GlobalLoadBalancerSpec spec(Optional<GlobalLoadBalancerSpec> topology, Map<String, Cursor> stated) {
            agree(stated, "policy", topology.map(GlobalLoadBalancerSpec::policy), policy);
            agree(stated, "primary", topology.flatMap(GlobalLoadBalancerSpec::primary), primary.orElse(null));
            agree(stated, "weights", topology.map(GlobalLoadBalancerSpec::weights), weights);
            agree(stated, "dns-ttl", topology.map(GlobalLoadBalancerSpec::dnsTtl), ttl);
            agree(stated, "views", topology.map(GlobalLoadBalancerSpec::views), views);
            if (!records.healthChecked() && stated.containsKey("health-check")) {
                stated.get("health-check").problem("ExternalDNS checks no health: the records of "
                        + records.source() + " keep naming a cluster that is down; remove health-check");
            }
            HealthCheck checks = stated.containsKey("health-check")
                    ? topology.map(GlobalLoadBalancerSpec::healthCheck).orElse(K8GB_RECONCILE) : K8GB_RECONCILE;
            return new GlobalLoadBalancerSpec(policy, primary, checks, ttl, weights, views, Optional.of(records));
        }

        private void agree(Map<String, Cursor> stated, String key, Optional<?> topology, Object resource) {
            Cursor at = stated.get(key);
            if (at != null && !Objects.equals(topology.orElse(null), resource)) {
                at.problem("contradicts " + records.source() + ", which configures the load balancer ("
                        + (resource == null ? "none" : resource instanceof Enum<?> e
                                ? e.name().toLowerCase(Locale.ROOT).replace('_', '-') : resource)
                        + "); remove it or make it agree");
            }
        }
    }

    private static boolean probed(Document d, String service, WorkloadSpec workload) {
        if (!service.equals(workload.service())) {
            d.cursor().problem("the Gslb balances Service '" + service + "' but the probes call workload.service '"
                    + workload.service() + "'");
            return false;
        }
        return true;
    }

    private static String describe(Document d) {
        return Resources.name(d.cursor()).orElse("?") + " (" + Resources.at(d.cursor(), d.file()) + ")";
    }

    private static List<String> names(List<ClusterSpec> clusters) {
        return clusters.stream().map(ClusterSpec::name).toList();
    }

    private static List<Document> documents(List<Path> manifests, Problems problems) {
        List<Document> documents = new ArrayList<>();
        for (Path manifest : manifests) {
            Problems inFile = problems.about(manifest);
            YamlFiles.readAll(manifest, inFile).ifPresent(nodes -> nodes.forEach(
                    node -> documents.add(new Document(new Cursor(node, "", inFile), manifest))));
        }
        return documents;
    }

    /** Documents of {@code kind}; one of an API version mch does not read is refused at its apiVersion. */
    private static List<Document> ofKind(List<Document> documents, String kind, List<String> apiVersions) {
        return documents.stream().filter(d -> Resources.is(d.cursor(), kind)).filter(d -> {
            Optional<String> version = Resources.apiVersion(d.cursor());
            if (version.isEmpty() || !apiVersions.contains(version.get())) {
                d.cursor().problem(kind + " of apiVersion '" + version.orElse("") + "' is not modelled; mch reads "
                        + String.join(", ", apiVersions));
                return false;
            }
            return true;
        }).toList();
    }

    /** {@code addresses: { CLUSTER: [ADDRESS, ...] }}: address to cluster, each address once. */
    private static Map<String, String> addresses(Cursor at, List<ClusterSpec> clusters) {
        Map<String, String> clusterOf = new LinkedHashMap<>();
        if (at == null) {
            return clusterOf;
        }
        at.entries().ifPresent(entries -> entries.forEach((cluster, list) -> {
            if (TopologyBinder.knownCluster(list, cluster, Optional.of(clusters)).isPresent()) {
                list.list(Cursor::text).ifPresent(values -> values.forEach(address -> {
                    String other = clusterOf.putIfAbsent(address, cluster);
                    if (other != null) {
                        list.problem("address '" + address + "' is also " + other + "'s");
                    }
                }));
            }
        }));
        return clusterOf;
    }
}
