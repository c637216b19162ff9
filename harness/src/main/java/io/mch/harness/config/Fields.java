package io.mch.harness.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The known fields of one YAML mapping (unknown ones were already reported by
 * {@link Cursor#fields}). A missing required field is reported at the mapping itself, since the
 * field has no position of its own.
 */
final class Fields {

    private final Cursor self;
    private final Map<String, NodeTuple> entries;

    Fields(Cursor self, Map<String, NodeTuple> entries) {
        this.self = self;
        this.entries = entries;
    }

    Cursor self() {
        return self;
    }

    Set<String> present() {
        return entries.keySet();
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Optional<Cursor> get(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null
                ? Optional.empty()
                : Optional.of(new Cursor(tuple.getValueNode(), Cursor.join(self.path(), key), self.problems()));
    }

    Optional<Cursor> require(String key) {
        Optional<Cursor> field = get(key);
        if (field.isEmpty()) {
            missing(key, "required");
        }
        return field;
    }

    /** A problem about an absent field, located at this mapping. */
    void missing(String key, String message) {
        self.problems().at(self.node(), Cursor.join(self.path(), key), message);
    }

    /** An optional field read with {@code read}; {@code fallback} when absent, empty when invalid. */
    <T> Optional<T> optional(String key, Function<Cursor, Optional<T>> read, T fallback) {
        return get(key).map(read).orElse(Optional.of(fallback));
    }

    <T> Optional<T> required(String key, Function<Cursor, Optional<T>> read) {
        return require(key).flatMap(read);
    }
}
