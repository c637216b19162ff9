package io.mch.harness.config;

import io.mch.harness.config.Topology.ClusterSpec;
import io.mch.harness.config.Topology.LbPolicy;
import io.mch.harness.input.Cursor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a k8gb {@code Gslb} into what the global load balancer does with it. Honoured:
 * {@code spec.strategy.type} ({@code failover}, {@code roundRobin}, {@code geoip}),
 * {@code primaryGeoTag}, {@code weight} (by geo tag, {@link GeoTags}), {@code dnsTtlSeconds}
 * (default 30, k8gb's), and the Service behind {@code spec.ingress} or the Ingress
 * {@code spec.resourceRef} names, which the health checks call. Without effect on what mch models:
 * {@code splitBrainThresholdSeconds} (deprecated, unused by k8gb), {@code serviceHealthPolicy}
 * (with the one Service mch probes, Any and All agree), paths, ports, ingress class and TLS.
 * Everything else is refused where it is written.
 */
final class GslbBinder {

    static final List<String> API_VERSIONS = List.of("k8gb.absa.oss/v1beta1", "k8gb.io/v1beta1");
    /** k8gb's default {@code dnsTtlSeconds}. */
    static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
    /** A day: the longest TTL mch accepts, as for every other duration. */
    static final int MAX_TTL_SECONDS = 86_400;

    /** What a Gslb configures: its DNS name, the probed Service, how it picks clusters, and its TTL. */
    record Read(String host, String service, LbPolicy policy, Optional<String> primary,
            Map<String, Integer> weights, Duration ttl) {}

    private final List<ClusterSpec> clusters;
    private final List<Cursor> documents;

    /** {@code documents} are every manifest document, where a {@code resourceRef}'s Ingress is looked up. */
    GslbBinder(List<ClusterSpec> clusters, List<Cursor> documents) {
        this.clusters = clusters;
        this.documents = documents;
    }

    Optional<Read> bind(Cursor gslb) {
        return ResourceFields.of(gslb, List.of("apiVersion", "kind", "metadata", "spec"), List.of("status"), "a Gslb")
                .flatMap(g -> g.require("spec"))
                .flatMap(spec -> ResourceFields.of(spec, List.of("ingress", "resourceRef", "strategy"),
                        List.of("serviceHealthPolicy"), "a Gslb's spec"))
                .flatMap(spec -> {
                    Optional<Rules> rules = target(spec);
                    Optional<Strategy> strategy = spec.require("strategy").flatMap(this::strategy);
                    spec.get("serviceHealthPolicy").ifPresent(GslbBinder::serviceHealthPolicy);
                    if (rules.isEmpty() || strategy.isEmpty()) {
                        return Optional.empty();
                    }
                    Strategy s = strategy.get();
                    return Optional.of(new Read(rules.get().host(), rules.get().service(), s.policy(), s.primary(),
                            s.weights(), s.ttl()));
                });
    }

    private record Rules(String host, String service) {}

    private record Strategy(LbPolicy policy, Optional<String> primary, Map<String, Integer> weights, Duration ttl) {}

    /** The host and Service of {@code spec.ingress}, or of the Ingress {@code spec.resourceRef} names. */
    private Optional<Rules> target(ManifestMapping spec) {
        Optional<Cursor> ingress = spec.get("ingress");
        Optional<Cursor> ref = spec.get("resourceRef");
        if (ingress.isPresent() == ref.isPresent()) {
            spec.self().problem(ingress.isPresent() ? "give either ingress or resourceRef, not both"
                    : "a Gslb needs ingress or resourceRef: the Ingress it balances");
            return Optional.empty();
        }
        if (ingress.isPresent()) {
            return ResourceFields.of(ingress.get(), List.of("rules"), List.of("ingressClassName", "tls"),
                    "a Gslb's ingress").flatMap(i -> i.require("rules")).flatMap(GslbBinder::rules);
        }
        return ResourceFields.of(ref.get(), List.of("kind", "name"), List.of("apiVersion", "namespace"),
                        "a Gslb's resourceRef (a label selector is not modelled)")
                .flatMap(r -> {
                    Optional<String> kind = r.require("kind").flatMap(Cursor::text).filter(k -> {
                        if (!k.equals("Ingress")) {
                            r.get("kind").orElseThrow().problem("mch balances an Ingress; '" + k + "' is not modelled");
                        }
                        return k.equals("Ingress");
                    });
                    Optional<String> name = r.require("name").flatMap(Cursor::text);
                    return kind.isPresent() ? name.flatMap(n -> referenced(r.get("name").orElseThrow(), n))
                            : Optional.empty();
                });
    }

    private Optional<Rules> referenced(Cursor at, String name) {
        Optional<Cursor> found = documents.stream().filter(d -> Resources.is(d, "Ingress") && name.equals(
                Resources.name(d).orElse(null))).findFirst();
        if (found.isEmpty()) {
            at.problem("no Ingress named '" + name + "' among the workload's manifests");
            return Optional.empty();
        }
        return ManifestMapping.of(found.get()).flatMap(ingress -> ingress.requireMapping("spec"))
                .flatMap(spec -> ResourceFields.of(spec.self(), List.of("rules"), List.of("ingressClassName", "tls"),
                        "the Ingress a Gslb balances"))
                .flatMap(spec -> spec.require("rules"))
                .flatMap(GslbBinder::rules);
    }

    /** One host and one backend Service across the rules: mch's clients resolve one name and probe one Service. */
    private static Optional<Rules> rules(Cursor list) {
        Set<String> hosts = new LinkedHashSet<>();
        Set<String> services = new LinkedHashSet<>();
        boolean ok = list.items().map(items -> {
            boolean all = true;
            for (Cursor rule : items) {
                all &= ResourceFields.of(rule, List.of("host", "http"), List.of(), "an Ingress rule").map(r -> {
                    r.require("host").flatMap(Cursor::text).ifPresent(hosts::add);
                    return r.require("http").flatMap(GslbBinder::paths).map(services::addAll).isPresent();
                }).orElse(false);
            }
            return all;
        }).orElse(false);
        if (!ok) {
            return Optional.empty();
        }
        if (hosts.size() != 1 || services.size() != 1) {
            list.problem("mch's clients resolve one name and probe one Service; these rules name hosts "
                    + hosts + " and Services " + services);
            return Optional.empty();
        }
        return Optional.of(new Rules(hosts.iterator().next(), services.iterator().next()));
    }

    private static Optional<List<String>> paths(Cursor http) {
        return ResourceFields.of(http, List.of("paths"), List.of(), "an Ingress rule's http")
                .flatMap(h -> h.require("paths"))
                .flatMap(paths -> paths.list(path -> ResourceFields.of(path, List.of("backend"),
                                List.of("path", "pathType"), "an Ingress path")
                        .flatMap(p -> p.require("backend"))
                        .flatMap(b -> ResourceFields.of(b, List.of("service"), List.of(), "an Ingress backend"))
                        .flatMap(b -> b.require("service"))
                        .flatMap(s -> ResourceFields.of(s, List.of("name"), List.of("port"), "a backend service"))
                        .flatMap(s -> s.require("name"))
                        .flatMap(Cursor::name)));
    }

    private Optional<Strategy> strategy(Cursor at) {
        return ResourceFields.of(at, List.of("type", "primaryGeoTag", "weight", "dnsTtlSeconds"),
                List.of("splitBrainThresholdSeconds"), "a Gslb's strategy").flatMap(s -> {
            Optional<String> type = s.require("type").flatMap(Cursor::text).filter(t -> {
                boolean known = List.of("failover", "roundRobin", "geoip").contains(t);
                if (!known) {
                    s.get("type").orElseThrow().problem("'" + t + "' is not one of failover, roundRobin, geoip");
                }
                return known;
            });
            if (type.isEmpty()) {
                return Optional.empty();
            }
            Optional<Optional<String>> primary = primary(s, type.get());
            Optional<Map<String, Integer>> weights = weights(s, type.get());
            Optional<Duration> ttl = s.get("dnsTtlSeconds")
                    .map(c -> c.within(c.integer(), 0, MAX_TTL_SECONDS, String::valueOf).map(Duration::ofSeconds))
                    .orElse(Optional.of(DEFAULT_TTL));
            if (primary.isEmpty() || weights.isEmpty() || ttl.isEmpty()) {
                return Optional.empty();
            }
            LbPolicy policy = switch (type.get()) {
                case "failover" -> LbPolicy.FAILOVER;
                case "geoip" -> LbPolicy.GEOIP;
                default -> weights.get().isEmpty() ? LbPolicy.ROUND_ROBIN : LbPolicy.WEIGHTED;
            };
            return Optional.of(new Strategy(policy, primary.get(), weights.get(), ttl.get()));
        });
    }

    /** Required for failover, as k8gb requires it; refused elsewhere, where k8gb would ignore it. */
    private Optional<Optional<String>> primary(ManifestMapping s, String type) {
        Optional<Cursor> tag = s.get("primaryGeoTag");
        if (type.equals("failover")) {
            return s.require("primaryGeoTag").flatMap(c -> c.text().flatMap(t -> GeoTags.cluster(c, t, clusters)))
                    .map(Optional::of);
        }
        if (tag.isPresent()) {
            tag.get().problem("only used by strategy failover; with " + type + " it has no effect");
            return Optional.empty();
        }
        return Optional.of(Optional.empty());
    }

    /** Weights by geo tag, with roundRobin only; every cluster needs one, as mch will not guess the rest. */
    private Optional<Map<String, Integer>> weights(ManifestMapping s, String type) {
        Optional<Cursor> given = s.get("weight");
        if (given.isEmpty()) {
            return Optional.of(Map.of());
        }
        if (!type.equals("roundRobin")) {
            given.get().problem("only used by strategy roundRobin");
            return Optional.empty();
        }
        return given.get().entries().flatMap(entries -> {
            Map<String, Integer> weights = new LinkedHashMap<>();
            boolean ok = true;
            for (Map.Entry<String, Cursor> e : entries.entrySet()) {
                Cursor w = e.getValue();
                Optional<String> cluster = GeoTags.cluster(w, e.getKey(), clusters);
                Optional<Integer> weight = w.within(w.integer(), 0, TopologyBinder.MAX_WEIGHT, String::valueOf);
                ok &= cluster.isPresent() && weight.isPresent();
                if (cluster.isPresent() && weight.isPresent()) {
                    weights.put(cluster.get(), weight.get());
                }
            }
            List<String> missing = new ArrayList<>(clusters.stream().map(ClusterSpec::name).toList());
            missing.removeAll(weights.keySet());
            if (ok && !missing.isEmpty()) {
                given.get().problem("no weight for " + String.join(", ", missing) + ": give every cluster's geo tag one");
                return Optional.empty();
            }
            if (ok && weights.values().stream().allMatch(w -> w == 0)) {
                given.get().problem("at least one weight must be above 0, or no cluster would be chosen");
                return Optional.empty();
            }
            return ok ? Optional.of(weights) : Optional.empty();
        });
    }

    private static void serviceHealthPolicy(Cursor at) {
        at.text().filter(p -> !p.equals("Any") && !p.equals("All"))
                .ifPresent(p -> at.problem("'" + p + "' is not one of Any, All"));
    }
}
