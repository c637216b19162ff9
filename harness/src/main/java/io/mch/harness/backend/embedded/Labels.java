package io.mch.harness.backend.embedded;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.mch.harness.config.LabelSelectors;
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
        return LabelSelectors.matches(selector, labels);
    }

    private static boolean containsAll(Map<String, String> labels, Map<String, String> required) {
        Map<String, String> actual = labels == null ? Map.of() : labels;
        return required.entrySet().stream().allMatch(e -> e.getValue().equals(actual.get(e.getKey())));
    }
}
