package io.mch.harness.config;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.mch.harness.input.Cursor;
import io.mch.harness.input.Names;
import io.mch.harness.input.Problems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * What the Velero resources mch reads (Schedule, Restore) share: the document and its kind, the
 * rule that a field mch does not model is refused (never dropped), and Velero's resource filters
 * ({@link ResourceSelection}). Resource names are checked here: {@code *}, a resource mch's
 * backups carry ({@link VeleroResources#BUILT_IN}, by plural or fully qualified), or a custom
 * resource fully qualified ({@code dnsendpoints.externaldns.k8s.io}); short names and
 * singulars, which Velero resolves through discovery, are refused with the plural to write.
 */
final class VeleroFields {

    static final List<String> FILTERS = List.of("includedNamespaces", "excludedNamespaces", "includedResources",
            "excludedResources", "labelSelector", "orLabelSelectors");

    private static final List<String> OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist");

    private VeleroFields() {}

    /** The single document of {@code file}, a {@code velero.io/v1} object of {@code kind}. */
    static Optional<ManifestMapping> document(Path file, Problems problems, String kind) {
        Problems inFile = problems.about(file);
        return YamlFiles.read(file, inFile).flatMap(root -> ManifestMapping.of(new Cursor(root, "", inFile))).filter(m -> {
            Optional<String> found = m.require("kind").flatMap(Cursor::text);
            if (found.isPresent() && !found.get().equals(kind)) {
                m.get("kind").orElseThrow().problem("expected a Velero " + kind + ", found kind '" + found.get() + "'");
                return false;
            }
            Optional<String> apiVersion = m.require("apiVersion").flatMap(Cursor::text);
            if (apiVersion.isPresent() && !apiVersion.get().equals("velero.io/v1")) {
                m.get("apiVersion").orElseThrow().problem("expected velero.io/v1, found '" + apiVersion.get() + "'");
                return false;
            }
            return found.isPresent() && apiVersion.isPresent();
        });
    }

    /**
     * Refuses every key of {@code mapping} that is neither honoured nor listed as without effect;
     * true when none was refused.
     */
    static boolean onlyModelled(ManifestMapping mapping, List<String> honoured, Set<String> noEffect, String what) {
        Map<String, Cursor> entries = mapping.self().entries().orElse(Map.of());
        boolean clean = true;
        for (var entry : entries.entrySet()) {
            if (!honoured.contains(entry.getKey()) && !noEffect.contains(entry.getKey())) {
                entry.getValue().problem("mch does not model this field of a " + what + "; it models "
                        + String.join(", ", honoured) + Names.hint(entry.getKey(), honoured));
                clean = false;
            }
        }
        return clean;
    }

    /**
     * Velero's filters in {@code spec} (absent ones: everything); each included namespace must
     * satisfy {@code known} (which reports it if not).
     */
    static Optional<ResourceSelection> selection(ManifestMapping spec, BiPredicate<Cursor, String> known) {
        Optional<List<String>> inNs = names(spec, "includedNamespaces", known);
        Optional<List<String>> exNs = names(spec, "excludedNamespaces", (c, n) -> true);
        Optional<List<String>> inRes = resources(spec, "includedResources", true);
        Optional<List<String>> exRes = resources(spec, "excludedResources", false);
        Optional<Optional<LabelSelector>> selector = spec.get("labelSelector")
                .map(c -> selector(c).map(Optional::of)).orElse(Optional.of(Optional.empty()));
        Optional<List<LabelSelector>> or = spec.get("orLabelSelectors")
                .map(c -> c.list(VeleroFields::selector)).orElse(Optional.of(List.of()));
        if (spec.get("labelSelector").isPresent() && spec.get("orLabelSelectors").isPresent()) {
            spec.get("orLabelSelectors").orElseThrow().problem(
                    "give labelSelector or orLabelSelectors, not both (Velero refuses a backup with both)");
            return Optional.empty();
        }
        if (inNs.isEmpty() || exNs.isEmpty() || inRes.isEmpty() || exRes.isEmpty() || selector.isEmpty() || or.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ResourceSelection(inNs.get(), exNs.get(), inRes.get(), exRes.get(), selector.get(), or.get()));
    }

    private static Optional<List<String>> names(ManifestMapping spec, String key, BiPredicate<Cursor, String> known) {
        boolean star = key.startsWith("included");
        return spec.get(key).map(list -> list.list(item -> item.text().filter(n -> {
            if (star && n.equals("*")) {
                return true;
            }
            if (n.contains("*") || n.contains("?") || n.contains("[")) {
                item.problem("namespace patterns are not modelled; name namespaces exactly" + (star ? " or give '*' alone" : ""));
                return false;
            }
            Optional<String> wrong = Names.problem(n);
            wrong.ifPresent(item::problem);
            return wrong.isEmpty() && known.test(item, n);
        }))).orElse(Optional.of(List.of()));
    }

    private static Optional<List<String>> resources(ManifestMapping spec, String key, boolean star) {
        return spec.get(key).map(list -> list.list(item -> item.text().filter(r -> {
            if (star && r.equals("*")) {
                return true;
            }
            Optional<String> wrong = VeleroResources.problem(r);
            wrong.ifPresent(item::problem);
            return wrong.isEmpty();
        }))).orElse(Optional.of(List.of()));
    }

    private static Optional<LabelSelector> selector(Cursor at) {
        return at.fields(List.of("matchLabels", "matchExpressions")).flatMap(f -> {
            Optional<Map<String, String>> labels = f.optional("matchLabels", VeleroFields::labels, Map.of());
            Optional<List<LabelSelectorRequirement>> expressions =
                    f.optional("matchExpressions", c -> c.list(VeleroFields::requirement), List.of());
            if (labels.isEmpty() || expressions.isEmpty()) {
                return Optional.empty();
            }
            LabelSelector selector = new LabelSelector();
            selector.setMatchLabels(new LinkedHashMap<>(labels.get()));
            selector.setMatchExpressions(new ArrayList<>(expressions.get()));
            return Optional.of(selector);
        });
    }

    private static Optional<Map<String, String>> labels(Cursor at) {
        return at.entries().flatMap(entries -> {
            Map<String, String> labels = new LinkedHashMap<>();
            boolean complete = true;
            for (var e : entries.entrySet()) {
                Optional<String> value = e.getValue().text();
                value.ifPresent(v -> labels.put(e.getKey(), v));
                complete &= value.isPresent();
            }
            return complete ? Optional.of(labels) : Optional.empty();
        });
    }

    private static Optional<LabelSelectorRequirement> requirement(Cursor at) {
        return at.fields(List.of("key", "operator", "values")).flatMap(f -> {
            Optional<String> key = f.required("key", Cursor::text);
            Optional<String> operator = f.required("operator", c -> c.text().filter(o -> {
                if (!OPERATORS.contains(o)) {
                    c.problem("unknown operator '" + Names.shown(o) + "'; Kubernetes has " + String.join(", ", OPERATORS)
                            + Names.hint(o, OPERATORS));
                }
                return OPERATORS.contains(o);
            }));
            Optional<List<String>> values = f.optional("values", c -> c.list(Cursor::text), List.of());
            if (key.isEmpty() || operator.isEmpty() || values.isEmpty()) {
                return Optional.empty();
            }
            boolean needsValues = operator.get().equals("In") || operator.get().equals("NotIn");
            if (needsValues == values.get().isEmpty()) {
                at.problem(needsValues ? operator.get() + " needs values" : operator.get() + " takes no values");
                return Optional.empty();
            }
            return Optional.of(new LabelSelectorRequirement(key.get(), operator.get(), values.get()));
        });
    }
}
