package io.mch.harness.config;

import io.mch.harness.config.LabelSelector.Operator;
import io.mch.harness.config.LabelSelector.Requirement;
import io.mch.harness.input.Cursor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a Kubernetes label selector ({@code matchLabels}, {@code matchExpressions}) with located problems. */
final class Selectors {

    private Selectors() {}

    static Optional<LabelSelector> read(Cursor at) {
        return ManifestMapping.of(at).flatMap(selector -> {
            boolean known = FieldRules.check(selector, "a label selector", Set.of("matchLabels", "matchExpressions"), Map.of());
            Optional<Map<String, String>> labels = selector.get("matchLabels").map(TopologyBinder::labels)
                    .orElse(Optional.of(Map.of()));
            Optional<List<Requirement>> expressions = selector.get("matchExpressions")
                    .map(c -> c.list(Selectors::requirement)).orElse(Optional.of(List.of()));
            if (!known || labels.isEmpty() || expressions.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new LabelSelector(labels.get(), expressions.get()));
        });
    }

    /** The operator as Kubernetes spells it ({@code In}, not {@code in}). */
    private static Optional<Operator> operator(Cursor at) {
        return at.text().flatMap(text -> {
            Optional<Operator> found = java.util.Arrays.stream(Operator.values()).filter(o -> o.name().equals(text)).findFirst();
            if (found.isEmpty()) {
                at.problem("'" + text + "' is not one of In, NotIn, Exists, DoesNotExist");
            }
            return found;
        });
    }

    private static Optional<Requirement> requirement(Cursor item) {
        return ManifestMapping.of(item).flatMap(r -> {
            boolean known = FieldRules.check(r, "a selector requirement", Set.of("key", "operator", "values"), Map.of());
            Optional<String> key = r.require("key").flatMap(Cursor::text);
            Optional<Operator> operator = r.require("operator").flatMap(Selectors::operator);
            Optional<List<String>> values = r.get("values").map(v -> v.list(Cursor::text)).orElse(Optional.of(List.of()));
            if (!known || key.isEmpty() || operator.isEmpty() || values.isEmpty()) {
                return Optional.empty();
            }
            boolean set = operator.get() == Operator.In || operator.get() == Operator.NotIn;
            if (set == values.get().isEmpty()) {
                item.problem(set ? "operator " + operator.get() + " needs values" : "operator " + operator.get()
                        + " takes no values");
                return Optional.empty();
            }
            return Optional.of(new Requirement(key.get(), operator.get(), values.get()));
        });
    }
}
