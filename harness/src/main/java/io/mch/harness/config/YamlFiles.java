package io.mch.harness.config;

import io.mch.harness.input.Problems;
import io.mch.harness.input.InputFiles;
import io.mch.harness.input.YamlLimits;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a file into a SnakeYAML node tree (composed, not constructed), because only the node tree
 * keeps the line and column of every value, and the override merge needs a tree, not objects.
 */
final class YamlFiles {

    private YamlFiles() {}

    /** The document's root node, or empty with a problem recorded. */
    static Optional<Node> read(Path file, Problems problems) {
        return parse(file, problems, (yaml, text) -> yaml.compose(new StringReader(text)));
    }

    /**
     * Every non-empty document of a multi-document file (Kubernetes manifests, {@code ---}
     * separated), or empty with a problem recorded.
     */
    static Optional<List<Node>> readAll(Path file, Problems problems) {
        return parse(file, problems, (yaml, text) -> {
            List<Node> documents = new ArrayList<>();
            for (Node document : yaml.composeAll(new StringReader(text))) {
                if (!(document instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL))) {
                    documents.add(document);
                }
            }
            return documents.isEmpty() ? null : documents;
        });
    }

    /**
     * {@code compose} applied to the file's text; null from it means the file is empty. The file
     * is read only if {@link InputFiles} allows it, and composed only within {@link YamlLimits}.
     * Problems of the whole file are placed at 1:1, so every line keeps the {@code file:line:column} form.
     */
    private static <T> Optional<T> parse(Path file, Problems problems, BiFunction<Yaml, String, T> compose) {
        InputFiles.Text read = InputFiles.read(file);
        if (read.text().isEmpty()) {
            problems.inFile(1, 1, read.refusal().orElseThrow());
            return Optional.empty();
        }
        String text = read.text().get();
        try {
            Optional<YamlLimits.Located> exceeded = YamlLimits.exceeded(text);
            if (exceeded.isPresent()) {
                problems.inFile(exceeded.get().line(), exceeded.get().column(), "refused: " + exceeded.get().message());
                return Optional.empty();
            }
            T root = compose.apply(new Yaml(YamlLimits.options()), text);
            if (root == null) {
                problems.inFile(1, 1, "the file is empty");
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            problems.inFile(mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1,
                    "invalid YAML: " + e.getProblem() + context);
        } catch (YAMLException e) {
            problems.inFile(1, 1, "invalid YAML: " + e.getMessage());
        }
        return Optional.empty();
    }
}
