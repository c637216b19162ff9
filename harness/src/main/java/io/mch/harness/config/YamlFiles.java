package io.mch.harness.config;

import io.mch.harness.input.Problems;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.yaml.snakeyaml.LoaderOptions;
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

    /** {@code compose} applied to the file's text; null from it means the file is empty. */
    private static <T> Optional<T> parse(Path file, Problems problems, BiFunction<Yaml, String, T> compose) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            problems.inFile(0, 0, "file not found");
            return Optional.empty();
        } catch (CharacterCodingException e) {
            problems.inFile(0, 0, "not a UTF-8 text file");
            return Optional.empty();
        } catch (IOException e) {
            problems.inFile(0, 0, "cannot read: " + e);
            return Optional.empty();
        }
        try {
            T root = compose.apply(new Yaml(new LoaderOptions()), text);
            if (root == null) {
                problems.inFile(0, 0, "the file is empty");
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            problems.inFile(mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                    "invalid YAML: " + e.getProblem() + context);
        } catch (YAMLException e) {
            problems.inFile(0, 0, "invalid YAML: " + e.getMessage());
        }
        return Optional.empty();
    }
}
