package io.mch.harness.config;

import io.mch.harness.config.SyncSpec.Targets;
import io.mch.harness.input.Cursor;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Argo CD's list generator: one Application per element of {@code elements}, whose keys are the
 * template's parameters ({@code {{cluster}}}, {@code {{.cluster}}} with goTemplate). The template's
 * {@code destination.name} (or {@code server}) rendered with an element names the cluster it lands
 * on: a cluster of the topology by name, the hub as Argo CD's {@code in-cluster} or
 * {@code https://kubernetes.default.svc}. Another server URL, two elements on one cluster (mch
 * models one Application per cluster and ApplicationSet), non-string values,
 * {@code elementsYaml} and {@code list.template} are refused.
 */
final class ListGenerator {

    static final String IN_CLUSTER_NAME = "in-cluster";
    static final String IN_CLUSTER_SERVER = "https://kubernetes.default.svc";

    /** The clusters the elements address, each with its element, and the keys every element has. */
    record Elements(Targets targets, Set<String> keys) {}

    private final GitOpsManifests.Context context;

    ListGenerator(GitOpsManifests.Context context) {
        this.context = context;
    }

    Optional<Elements> read(ManifestMapping list, Optional<ManifestMapping> destination, boolean goTemplate) {
        boolean known = FieldRules.check(list, "Argo CD's ApplicationSet", Set.of("elements"), Map.of(
                "template", "generator-level template overrides (list.template)",
                "elementsYaml", "elements given as YAML text (list.elementsYaml)"));
        Optional<List<Map<String, String>>> elements = (known ? list.require("elements") : Optional.<Cursor>empty())
                .flatMap(e -> e.list(ListGenerator::element));
        Optional<Cursor> name = destination.flatMap(d -> d.get("name"));
        Optional<Cursor> at = name.or(() -> destination.flatMap(d -> d.get("server")));
        if (!known || elements.isEmpty() || at.isEmpty()) {
            if (known && elements.isPresent()) {
                destination.ifPresent(d -> d.self().problem("a list generator's template must name its cluster in"
                        + " destination.name (or destination.server)"));
            }
            return Optional.empty();
        }
        Set<String> keys = new HashSet<>(elements.get().isEmpty() ? Set.of() : elements.get().get(0).keySet());
        elements.get().forEach(e -> keys.retainAll(e.keySet()));
        return at.get().text().flatMap(text -> targets(at.get(), name.isEmpty(), text, elements.get(), keys, goTemplate))
                .map(t -> new Elements(t, keys));
    }

    private Optional<Targets> targets(Cursor at, boolean server, String text, List<Map<String, String>> elements,
            Set<String> keys, boolean goTemplate) {
        List<String> wrong = ClusterParameters.unmodelled(text, goTemplate, keys);
        wrong.forEach(at::problem);
        if (!wrong.isEmpty()) {
            return Optional.empty();
        }
        List<Topology.ClusterSpec> spokes = context.targeted(new Targets(List.of(LabelSelector.labels(Map.of())), false));
        Optional<Topology.ClusterSpec> hub = context.targeted(new Targets(List.of(), true)).stream().findFirst();
        Map<String, Map<String, String>> byCluster = new LinkedHashMap<>();
        for (Map<String, String> element : elements) {
            String resolved = ClusterParameters.resolve(text, "", Map.of(), element).orElseThrow();
            Optional<String> cluster = server
                    ? hub.filter(h -> resolved.equals(IN_CLUSTER_SERVER)).map(Topology.ClusterSpec::name)
                    : resolved.equals(IN_CLUSTER_NAME) ? hub.map(Topology.ClusterSpec::name)
                    : spokes.stream().map(Topology.ClusterSpec::name).filter(resolved::equals).findFirst()
                            .or(() -> hub.map(Topology.ClusterSpec::name).filter(resolved::equals));
            if (cluster.isEmpty()) {
                at.problem(server ? "'" + resolved + "' is not a cluster mch knows: mch's clusters have no server URL"
                        + " but the hub's " + IN_CLUSTER_SERVER + "; address a spoke by destination.name"
                        : "'" + resolved + "' is not a cluster of the topology (nor " + IN_CLUSTER_NAME + ", the hub)");
                return Optional.empty();
            }
            if (byCluster.put(cluster.get(), element) != null) {
                at.problem("two elements address cluster '" + cluster.get() + "'; mch models one Application per"
                        + " cluster and ApplicationSet");
                return Optional.empty();
            }
        }
        List<String> names = byCluster.keySet().stream().filter(c -> hub.map(h -> !h.name().equals(c)).orElse(true))
                .toList();
        boolean onHub = hub.map(h -> byCluster.containsKey(h.name())).orElse(false);
        return Optional.of(new Targets(List.of(), names, onHub, byCluster));
    }

    /** One element: string values, as the list generator's parameters are (nested values are refused). */
    private static Optional<Map<String, String>> element(Cursor item) {
        return ManifestMapping.of(item).flatMap(ListGenerator::strings);
    }

    /** A mapping of string values (an element, the clusters generator's values); each other value is a problem. */
    static Optional<Map<String, String>> strings(ManifestMapping mapping) {
        Map<String, String> read = new LinkedHashMap<>();
        boolean clean = true;
        for (Map.Entry<String, Cursor> entry : mapping.entries().entrySet()) {
            Optional<String> text = entry.getValue().text();
            text.ifPresent(t -> read.put(entry.getKey(), t));
            clean &= text.isPresent();
        }
        return clean ? Optional.of(read) : Optional.empty();
    }
}
