package io.mch.harness.config;

import io.mch.harness.input.Cursor;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Argo CD's post-selectors ({@code generators[].selector}): a label selector over the parameters a
 * clusters generator produced for each cluster, flattened as Argo CD flattens them
 * ({@code name}, {@code nameNormalized}, {@code metadata.labels.KEY}, {@code values.KEY}). A key
 * naming another parameter ({@code server}, annotations) is refused: mch does not model it.
 */
final class PostSelectors {

    private static final Pattern KEY = Pattern.compile("name|nameNormalized|(metadata\\.labels|values)\\.[A-Za-z0-9_./-]+");

    private PostSelectors() {}

    static Optional<LabelSelector> read(Cursor at) {
        return Selectors.read(at).filter(selector -> {
            Optional<String> other = Stream.concat(selector.matchLabels().keySet().stream(),
                    selector.expressions().stream().map(LabelSelector.Requirement::key))
                    .filter(k -> !KEY.matcher(k).matches()).findFirst();
            other.ifPresent(k -> at.problem("mch does not model the parameter '" + k + "' in a post-selector (it models"
                    + " name, nameNormalized, metadata.labels.KEY and values.KEY)"));
            return other.isEmpty();
        });
    }

    /** The cluster's parameters as the post-selector sees them; each value resolved for the cluster. */
    static Map<String, String> parameters(Topology.ClusterSpec cluster, Map<String, String> values) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("name", cluster.name());
        parameters.put("nameNormalized", cluster.name());
        cluster.labels().forEach((k, v) -> parameters.put("metadata.labels." + k, v));
        values.forEach((k, v) -> parameters.put("values." + k, ClusterParameters.resolve(v, cluster.name(),
                cluster.labels()).orElse(v)));
        return parameters;
    }
}
