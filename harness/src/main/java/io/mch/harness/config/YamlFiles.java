package io.mch.harness.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a file into a SnakeYAML node tree (composed, not constructed), because only the node tree
 * keeps the line and column of every value, and the override merge needs a tree, not objects.
 */
final class YamlFiles {

    private YamlFiles() {}

    /** The document's root node, or empty with a problem recorded. */
    static Optional<Node> read(Path file, Problems problems) {
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
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
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
