package io.mch.harness.config;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes' label selector, matched by mch itself: the embedded backend's CRUD mock ignores
 * set-based selectors, and Velero's filters select objects mch lists. Every {@code matchLabels}
 * pair and every expression must hold, so an empty selector matches everything.
 */
public final class LabelSelectors {

    private LabelSelectors() {}

    /** Whether an object with {@code labels} (null: none) is selected. */
    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> present = labels == null ? Map.of() : labels;
        Map<String, String> wanted = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        if (!wanted.entrySet().stream().allMatch(e -> e.getValue().equals(present.get(e.getKey())))) {
            return false;
        }
        List<LabelSelectorRequirement> expressions =
                selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
        return expressions.stream().allMatch(r -> holds(r, present));
    }

    private static boolean holds(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
        return switch (requirement.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new IllegalArgumentException(
                    "unknown label selector operator '" + requirement.getOperator() + "'");
        };
    }
}
