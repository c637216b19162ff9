package io.mch.harness.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters Argo CD's clusters generator gives a template, as mch models them in a source path
 * and a destination namespace: {@code name}, {@code nameNormalized} and
 * {@code metadata.labels.<key>}, written {@code {{name}}} (fasttemplate) or {@code {{.name}}} with
 * {@code goTemplate: true}, and the generator's {@code values.<key>} (see {@link #withValues}). Any
 * other placeholder is refused where it is read.
 */
public final class ClusterParameters {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}");
    private static final Pattern PARAMETER = Pattern.compile("\\s*(\\.?)(name|nameNormalized|metadata\\.labels\\.([A-Za-z0-9_-]+))\\s*");

    private static final Pattern VALUE = Pattern.compile("\\{\\{\\s*(\\.?)values\\.([A-Za-z0-9_-]+)\\s*}}");

    private static final Pattern ELEMENT_KEY = Pattern.compile("\\s*(\\.?)([A-Za-z0-9_-]+)\\s*");

    private ClusterParameters() {}

    /**
     * What is wrong with the placeholders of {@code text} in a list generator's template, whose
     * parameters are the keys every element has ({@code keys}): one message per other placeholder.
     */
    static List<String> unmodelled(String text, boolean goTemplate, Set<String> keys) {
        List<String> wrong = new ArrayList<>();
        Matcher placeholders = PLACEHOLDER.matcher(text);
        while (placeholders.find()) {
            Matcher key = ELEMENT_KEY.matcher(placeholders.group(1));
            if (!key.matches() || !keys.contains(key.group(2))) {
                wrong.add("mch does not model the parameter '" + placeholders.group() + "' here: a list generator gives"
                        + " its template the keys every element has, " + new java.util.TreeSet<>(keys));
            } else if (key.group(1).isEmpty() == goTemplate) {
                wrong.add("'" + placeholders.group() + "' is not " + (goTemplate ? "Go template" : "fasttemplate")
                        + " syntax, which goTemplate: " + goTemplate + " asks for");
            }
        }
        return wrong;
    }

    /**
     * {@code text} with each {@code {{values.KEY}}} ({@code {{.values.KEY}}} with goTemplate) of the
     * clusters generator's {@code values} put in. Argo CD renders each value with the cluster's own
     * parameters first; putting the value's text in and resolving the cluster's parameters after is
     * the same. A key not in {@code values}, or in the other syntax, stays and is refused by
     * {@link #unmodelled}.
     */
    static String withValues(String text, Map<String, String> values, boolean goTemplate) {
        Matcher placeholders = VALUE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (placeholders.find()) {
            String value = placeholders.group(1).isEmpty() != goTemplate ? values.get(placeholders.group(2)) : null;
            placeholders.appendReplacement(resolved, Matcher.quoteReplacement(value == null ? placeholders.group() : value));
        }
        placeholders.appendTail(resolved);
        return resolved.toString();
    }

    /** Whether {@code text} holds a placeholder. */
    public static boolean templated(String text) {
        return text.contains("{{");
    }

    /**
     * What is wrong with the placeholders of {@code text} in the given syntax: one message per
     * placeholder mch does not model; empty when every one is modelled.
     */
    static List<String> unmodelled(String text, boolean goTemplate) {
        List<String> wrong = new ArrayList<>();
        Matcher placeholders = PLACEHOLDER.matcher(text);
        while (placeholders.find()) {
            Matcher parameter = PARAMETER.matcher(placeholders.group(1));
            if (!parameter.matches()) {
                wrong.add("mch does not model the parameter '" + placeholders.group() + "' (it models {{name}},"
                        + " {{nameNormalized}}, {{metadata.labels.KEY}} and {{values.KEY}} of the generator's values,"
                        + " or {{.name}}... with goTemplate)");
            } else if (parameter.group(1).isEmpty() == goTemplate) {
                wrong.add("'" + placeholders.group() + "' is not " + (goTemplate ? "Go template" : "fasttemplate")
                        + " syntax, which goTemplate: " + goTemplate + " asks for");
            }
        }
        return wrong;
    }

    /** {@code text} for the cluster; empty when it names a label the cluster does not have. */
    public static Optional<String> resolve(String text, String cluster, Map<String, String> labels) {
        return resolve(text, cluster, labels, Map.of());
    }

    /**
     * {@code text} for the cluster a list generator's {@code element} addresses: the element's keys
     * first (Argo CD gives a list generator's template only those), then the cluster's own.
     */
    public static Optional<String> resolve(String text, String cluster, Map<String, String> labels,
            Map<String, String> element) {
        StringBuilder resolved = new StringBuilder();
        Matcher placeholders = PLACEHOLDER.matcher(text);
        while (placeholders.find()) {
            Matcher key = ELEMENT_KEY.matcher(placeholders.group(1));
            Matcher parameter = PARAMETER.matcher(placeholders.group(1));
            if (key.matches() && element.containsKey(key.group(2))) {
                placeholders.appendReplacement(resolved, Matcher.quoteReplacement(element.get(key.group(2))));
                continue;
            }
            if (!parameter.matches()) {
                return Optional.empty();
            }
            String value = parameter.group(3) != null ? labels.get(parameter.group(3)) : cluster;
            if (value == null) {
                return Optional.empty();
            }
            placeholders.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        placeholders.appendTail(resolved);
        return Optional.of(resolved.toString());
    }
}
