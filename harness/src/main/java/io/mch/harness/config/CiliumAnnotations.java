package io.mch.harness.config;

import io.mch.harness.input.Cursor;
import io.mch.harness.input.Names;
import io.mch.harness.input.Problems;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The Cilium ClusterMesh annotations of a Service in a manifest, checked before the run: the
 * ones mch models ({@code service.cilium.io/global}, {@code /shared}, {@code /affinity} and their
 * legacy aliases {@code io.cilium/global-service}, {@code io.cilium/shared-service},
 * {@code io.cilium/service-affinity}, which Cilium still reads) must hold a value Cilium
 * understands; any other {@code service.cilium.io/} annotation is refused, since mch would
 * otherwise run without what it asks for.
 */
final class CiliumAnnotations {

    private static final String PREFIX = "service.cilium.io/";
    private static final Map<String, List<String>> MODELLED = Map.of(
            "service.cilium.io/global", List.of("true", "false"),
            "io.cilium/global-service", List.of("true", "false"),
            "service.cilium.io/shared", List.of("true", "false"),
            "io.cilium/shared-service", List.of("true", "false"),
            "service.cilium.io/affinity", List.of("local", "remote", "none"),
            "io.cilium/service-affinity", List.of("local", "remote", "none"));

    private CiliumAnnotations() {}

    /**
     * Reports, in {@code problems}, each Cilium annotation of {@code document} (any object; only a
     * Service's are read) mch cannot honour. The object's shape is checked elsewhere, so finding
     * the annotations reports nothing.
     */
    static void check(Node document, Problems problems) {
        Problems ignored = new Problems(problems.file());
        Optional<Map<String, Cursor>> object = quietly(new Cursor(document, "", ignored));
        boolean service = object.map(o -> o.get("kind")).flatMap(CiliumAnnotations::text)
                .filter("Service"::equals).isPresent();
        if (!service) {
            return;
        }
        object.map(o -> o.get("metadata")).flatMap(CiliumAnnotations::quietly)
                .map(md -> md.get("annotations")).flatMap(CiliumAnnotations::quietly)
                .ifPresent(annotations -> annotations.forEach((key, value) -> checkOne(key,
                        new Cursor(value.node(), Cursor.join("metadata.annotations", key), problems))));
    }

    private static void checkOne(String key, Cursor value) {
        List<String> allowed = MODELLED.get(key);
        if (allowed == null) {
            if (key.startsWith(PREFIX)) {
                value.problem("mch does not model the Cilium annotation '" + Names.shown(key) + "'; it models "
                        + String.join(", ", MODELLED.keySet().stream().sorted().toList()));
            }
            return;
        }
        value.text().ifPresent(v -> {
            if (!allowed.contains(v.toLowerCase(Locale.ROOT))) {
                value.problem("Cilium reads " + String.join(", ", allowed) + " here, found '" + Names.shown(v) + "'");
            }
        });
    }

    /** The entries of a mapping without reporting anything: the object's shape is checked elsewhere. */
    private static Optional<Map<String, Cursor>> quietly(Cursor at) {
        if (at == null || !(at.node() instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            return Optional.empty();
        }
        return at.entries();
    }

    private static Optional<String> text(Cursor at) {
        return at != null && at.node() instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar
                ? Optional.of(scalar.getValue()) : Optional.empty();
    }
}
