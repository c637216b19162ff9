package io.mch.harness.backend.embedded;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/**
 * Label selector matching done by the simulator itself, because the CRUD mock ignores set-based
 * selectors ({@code In}, {@code NotIn}) and would hand back every pod.
 */
final class Labels {

    private Labels() {}

    /** A Service selector: every pair must be present; an empty selector selects nothing. */
    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && containsAll(labels, selector);
    }

    /** A workload's LabelSelector with matchLabels and matchExpressions, as Kubernetes reads it. */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> matchLabels = selector.getMatchLabels();
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
        boolean empty = (matchLabels == null || matchLabels.isEmpty()) && (expressions == null || expressions.isEmpty());
        if (empty) {
            return false;
        }
        if (matchLabels != null && !containsAll(labels, matchLabels)) {
            return false;
        }
        return expressions == null || expressions.stream().allMatch(e -> matches(e, labels));
    }

    private static boolean containsAll(Map<String, String> labels, Map<String, String> required) {
        Map<String, String> actual = labels == null ? Map.of() : labels;
        return required.entrySet().stream().allMatch(e -> e.getValue().equals(actual.get(e.getKey())));
    }

    private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels == null ? null : labels.get(requirement.getKey());
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
