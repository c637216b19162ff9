package io.mch.harness.config;

import java.util.List;
import java.util.Map;

/**
 * A Kubernetes label selector as Argo CD's clusters generator and Fleet's targets read it:
 * {@code matchLabels} and {@code matchExpressions} (In, NotIn, Exists, DoesNotExist), all of which
 * must hold. mch evaluates it itself because the embedded API server ignores set-based selectors;
 * the empty selector matches every cluster.
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> expressions) {

    public LabelSelector {
        matchLabels = Map.copyOf(matchLabels);
        expressions = List.copyOf(expressions);
    }

    /** One {@code matchExpressions} entry; {@code values} is empty for Exists and DoesNotExist. */
    public record Requirement(String key, Operator operator, List<String> values) {
        public Requirement {
            values = List.copyOf(values);
        }

        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case In -> value != null && values.contains(value);
                case NotIn -> value == null || !values.contains(value);
                case Exists -> value != null;
                case DoesNotExist -> value == null;
            };
        }
    }

    /** The operators of {@code metav1.LabelSelectorRequirement}, spelled as Kubernetes spells them. */
    public enum Operator { In, NotIn, Exists, DoesNotExist }

    /** A selector of {@code matchLabels} only. */
    public static LabelSelector labels(Map<String, String> matchLabels) {
        return new LabelSelector(matchLabels, List.of());
    }

    public boolean matches(Map<String, String> labels) {
        return matchLabels.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))
                && expressions.stream().allMatch(r -> r.matches(labels));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(Spokes.format(matchLabels));
        expressions.forEach(r -> text.append(' ').append(r.key()).append(' ').append(r.operator())
                .append(r.values().isEmpty() ? "" : " " + r.values()));
        return text.toString();
    }
}
