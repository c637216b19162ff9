package io.mch.harness.config;

import io.mch.harness.input.Cursor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an ExternalDNS {@code DNSEndpoint} into the records the clients resolve. Honoured:
 * {@code dnsName} (one name: mch's clients resolve one), {@code recordType} A, AAAA or CNAME,
 * {@code targets} (each mapped to a cluster through {@code fabric.global-load-balancer.addresses}),
 * {@code recordTTL} (how long the clients cache an answer; required, since without it the TTL is
 * the DNS provider's default, which mch does not know), {@code setIdentifier} with the weight in
 * {@code providerSpecific} ({@code aws/weight}, or its older annotation form): several record sets
 * of one name, chosen by weight. Without effect: {@code labels} (ExternalDNS's ownership
 * bookkeeping) and a lone record set's {@code setIdentifier}. Every other field, record type and
 * provider-specific property is refused where it is written.
 */
final class DnsEndpointBinder {

    static final String API_VERSION = "externaldns.k8s.io/v1alpha1";
    private static final List<String> WEIGHT = List.of("aws/weight", "external-dns.alpha.kubernetes.io/aws-weight");
    private static final List<String> TYPES = List.of("A", "AAAA", "CNAME");

    /** The records of one name: the clusters they answer with, in record order, weights when set, and the TTL. */
    record Read(String name, List<String> members, Map<String, Integer> weights, Duration ttl) {}

    private record Endpoint(Cursor at, String name, List<String> clusters, Optional<String> setIdentifier,
            Optional<Integer> weight, Duration ttl) {}

    private final Map<String, String> clusterOfAddress;

    /** {@code clusterOfAddress}: every address a DNS record may name, to the cluster whose ingress it is. */
    DnsEndpointBinder(Map<String, String> clusterOfAddress) {
        this.clusterOfAddress = clusterOfAddress;
    }

    Optional<Read> bind(Cursor document) {
        return ResourceFields.of(document, List.of("apiVersion", "kind", "metadata", "spec"), List.of("status"),
                        "a DNSEndpoint")
                .flatMap(d -> d.require("spec"))
                .flatMap(spec -> ResourceFields.of(spec, List.of("endpoints"), List.of(), "a DNSEndpoint's spec"))
                .flatMap(spec -> spec.require("endpoints"))
                .flatMap(list -> list.list(this::endpoint).flatMap(endpoints -> records(list, endpoints)));
    }

    private Optional<Endpoint> endpoint(Cursor at) {
        return ResourceFields.of(at, List.of("dnsName", "recordType", "targets", "recordTTL", "setIdentifier",
                "providerSpecific"), List.of("labels"), "a DNSEndpoint's endpoint").flatMap(e -> {
            Optional<String> name = e.require("dnsName").flatMap(Cursor::text);
            Optional<String> type = e.require("recordType").flatMap(Cursor::text).filter(t -> {
                if (!TYPES.contains(t)) {
                    e.get("recordType").orElseThrow().problem("record type '" + t + "' does not route clients; mch models "
                            + String.join(", ", TYPES));
                }
                return TYPES.contains(t);
            });
            Optional<List<String>> clusters = e.require("targets").flatMap(t -> t.list(this::cluster)).filter(list -> {
                if (list.isEmpty()) {
                    e.get("targets").orElseThrow().problem("must name at least one target");
                }
                return !list.isEmpty();
            });
            Optional<Duration> ttl = e.get("recordTTL")
                    .map(c -> c.within(c.integer(), 0, GslbBinder.MAX_TTL_SECONDS, String::valueOf).map(Duration::ofSeconds))
                    .orElseGet(() -> {
                        at.problems().at(at.node(), Cursor.join(at.path(), "recordTTL"),
                                "required by mch: without it the TTL is the DNS provider's default, which mch does not know");
                        return Optional.empty();
                    });
            Optional<String> setIdentifier = e.get("setIdentifier").flatMap(Cursor::text);
            Optional<Optional<Integer>> weight = e.get("providerSpecific").map(DnsEndpointBinder::weight)
                    .orElse(Optional.of(Optional.empty()));
            if (name.isEmpty() || type.isEmpty() || clusters.isEmpty() || ttl.isEmpty() || weight.isEmpty()
                    || (e.get("setIdentifier").isPresent() && setIdentifier.isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(new Endpoint(at, name.get(), clusters.get(), setIdentifier, weight.get(), ttl.get()));
        });
    }

    private Optional<String> cluster(Cursor target) {
        return target.text().flatMap(address -> {
            String cluster = clusterOfAddress.get(address);
            if (cluster == null) {
                target.problem("target '" + address + "' is no cluster's address; map it to its cluster in "
                        + "fabric.global-load-balancer.addresses of the topology");
            }
            return Optional.ofNullable(cluster);
        });
    }

    /** The weight among the provider-specific properties; any other property is refused. */
    private static Optional<Optional<Integer>> weight(Cursor list) {
        return list.list(item -> ResourceFields.of(item, List.of("name", "value"), List.of(), "a provider-specific property")
                .flatMap(p -> p.require("name").flatMap(Cursor::text).flatMap(name -> {
                    if (!WEIGHT.contains(name)) {
                        p.get("name").orElseThrow().problem("provider-specific '" + name + "' is not modelled by mch"
                                + " (it reads " + String.join(", ", WEIGHT) + ")");
                        return Optional.empty();
                    }
                    return p.require("value").flatMap(v -> v.within(v.integer(), 0, TopologyBinder.MAX_WEIGHT,
                            String::valueOf));
                }))).map(weights -> weights.stream().findFirst());
    }

    /**
     * One name; one record set, or several told apart by {@code setIdentifier} and chosen by weight,
     * each with one target, one TTL and distinct clusters.
     */
    private static Optional<Read> records(Cursor list, List<Endpoint> endpoints) {
        if (endpoints.isEmpty()) {
            list.problem("must list at least one endpoint");
            return Optional.empty();
        }
        Endpoint first = endpoints.get(0);
        for (Endpoint e : endpoints) {
            if (!e.name().equals(first.name())) {
                e.at().problem("mch's clients resolve one name; this endpoint names '" + e.name() + "', the first '"
                        + first.name() + "'");
                return Optional.empty();
            }
            if (!e.ttl().equals(first.ttl())) {
                e.at().problem("every record set of '" + first.name() + "' must have one recordTTL");
                return Optional.empty();
            }
        }
        if (endpoints.size() == 1 && first.weight().isEmpty()) {
            return Optional.of(new Read(first.name(), first.clusters(), Map.of(), first.ttl()));
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        List<String> members = new ArrayList<>();
        for (Endpoint e : endpoints) {
            if (e.setIdentifier().isEmpty() || e.weight().isEmpty()) {
                e.at().problem("several record sets of one name need a setIdentifier and a weight in providerSpecific"
                        + " (aws/weight): the only routing policy mch models");
                return Optional.empty();
            }
            if (e.clusters().size() != 1 || members.contains(e.clusters().get(0))) {
                e.at().problem("a weighted record set names one target, and each cluster once");
                return Optional.empty();
            }
            members.add(e.clusters().get(0));
            weights.put(e.clusters().get(0), e.weight().get());
        }
        if (weights.values().stream().allMatch(w -> w == 0)) {
            list.problem("at least one weight must be above 0, or no cluster would be chosen");
            return Optional.empty();
        }
        return Optional.of(new Read(first.name(), members, weights, first.ttl()));
    }
}
