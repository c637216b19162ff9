package io.mch.harness.config;

import io.mch.harness.input.Cursor;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Looks at a manifest document's kind, apiVersion and name without recording problems. */
final class Resources {

    private Resources() {}

    static boolean is(Cursor document, String kind) {
        return scalar(document, "kind").filter(kind::equals).isPresent();
    }

    static Optional<String> apiVersion(Cursor document) {
        return scalar(document, "apiVersion");
    }

    static Optional<String> name(Cursor document) {
        if (!(document.node() instanceof MappingNode mapping)) {
            return Optional.empty();
        }
        return mapping.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("metadata"))
                .findFirst()
                .flatMap(t -> scalar(new Cursor(t.getValueNode(), "metadata", document.problems()), "name"));
    }

    private static Optional<String> scalar(Cursor at, String key) {
        if (!(at.node() instanceof MappingNode mapping)) {
            return Optional.empty();
        }
        return mapping.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                .map(t -> t.getValueNode())
                .filter(ScalarNode.class::isInstance)
                .map(n -> ((ScalarNode) n).getValue())
                .findFirst();
    }

    /** Where a document starts, as {@code file:line} for the report. */
    static String at(Cursor document, Path file) {
        return file.getFileName() + ":" + (document.node().getStartMark().getLine() + 1);
    }
}
