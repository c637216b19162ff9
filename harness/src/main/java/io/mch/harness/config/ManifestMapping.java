package io.mch.harness.config;

import io.mch.harness.input.YamlLimits;
import io.mch.harness.input.Cursor;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A mapping in a real system's resource (an Argo CD ApplicationSet, a Fleet GitRepo, a Velero
 * Schedule, a Kubernetes manifest written into a step). The mapping itself refuses nothing
 * unknown: which fields of a real resource are honoured, refused or without effect is the readers'
 * rule ({@link FieldRules}, docs/fidelity.md), since those files carry fields that matter only to
 * the real controller ({@code repoURL}, {@code project}, ...). Missing fields mch needs are reported
 * at the mapping, with the file's own field path.
 */
final class ManifestMapping {

    private final Cursor self;
    private final Map<String, Cursor> entries;

    private ManifestMapping(Cursor self, Map<String, Cursor> entries) {
        this.self = self;
        this.entries = entries;
    }

    /** The mapping at {@code cursor}; empty with a problem when it is something else. */
    static Optional<ManifestMapping> of(Cursor cursor) {
        return cursor.entries().map(entries -> new ManifestMapping(cursor, entries));
    }

    Cursor self() {
        return self;
    }

    /** Every entry, in the file's order. */
    Map<String, Cursor> entries() {
        return entries;
    }

    Optional<Cursor> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    Optional<Cursor> require(String key) {
        Optional<Cursor> value = get(key);
        if (value.isEmpty()) {
            self.problems().at(self.node(), Cursor.join(self.path(), key), "required");
        }
        return value;
    }

    Optional<ManifestMapping> mapping(String key) {
        return get(key).flatMap(ManifestMapping::of);
    }

    Optional<ManifestMapping> requireMapping(String key) {
        return require(key).flatMap(ManifestMapping::of);
    }

    /** An optional boolean field ({@code true} or {@code false}); {@code fallback} when absent. */
    Optional<Boolean> bool(String key, boolean fallback) {
        return get(key).map(ManifestMapping::bool).orElse(Optional.of(fallback));
    }

    static Optional<Boolean> bool(Cursor value) {
        return value.text().flatMap(text -> switch (text) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                value.problem("expected true or false, found '" + text + "'");
                yield Optional.empty();
            }
        });
    }

    /**
     * A Kubernetes object written inline (a step's {@code manifest}): a mapping with
     * {@code apiVersion}, {@code kind} and {@code metadata.name}, as plain values.
     */
    static Optional<Map<String, Object>> object(Cursor cursor) {
        return of(cursor).flatMap(m -> {
            Optional<String> apiVersion = m.require("apiVersion").flatMap(Cursor::text);
            Optional<String> kind = m.require("kind").flatMap(Cursor::text);
            Optional<String> name = m.requireMapping("metadata").flatMap(md -> md.require("name")).flatMap(Cursor::text);
            return apiVersion.isPresent() && kind.isPresent() && name.isPresent() ? m.values() : Optional.empty();
        });
    }

    /**
     * This mapping as plain Java values (maps, lists, strings, numbers, booleans, null) typed as
     * YAML types them, which is what a Kubernetes client serialises; empty if a key is not a string.
     */
    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> values() {
        int before = self.problems().count();
        entries.values().forEach(ManifestMapping::reportRepeatedKeys);
        if (self.problems().count() > before) {
            return Optional.empty();
        }
        Map<Object, Object> values;
        try {
            values = (Map<Object, Object>) new PlainValues().of(self.node());
        } catch (YAMLException | IllegalArgumentException e) {
            // An unknown tag (!foo), or a value tagged with a type it is not of (!!int x, !!binary ==).
            self.problem("cannot be read as plain values: " + (e instanceof MarkedYAMLException marked
                    ? marked.getProblem() : "a value is not of the type its tag names"));
            return Optional.empty();
        }
        if (!values.keySet().stream().allMatch(String.class::isInstance)) {
            self.problem("keys must be strings");
            return Optional.empty();
        }
        return Optional.of((Map<String, Object>) (Map<?, ?>) values);
    }

    /**
     * Reports every repeated key at or below {@code at}, where it is: SnakeYAML's construction
     * keeps the last of them without a word, so a manifest would mean less than it says.
     */
    private static void reportRepeatedKeys(Cursor at) {
        if (at.node() instanceof MappingNode) {
            at.entries().ifPresent(children -> children.values().forEach(ManifestMapping::reportRepeatedKeys));
        } else if (at.node() instanceof SequenceNode) {
            at.items().ifPresent(children -> children.forEach(ManifestMapping::reportRepeatedKeys));
        }
    }

    /** SnakeYAML's safe construction (no arbitrary classes) of an already composed node. */
    private static final class PlainValues extends SafeConstructor {
        PlainValues() {
            super(YamlLimits.options());
        }

        Object of(Node node) {
            return constructDocument(node);
        }
    }
}
