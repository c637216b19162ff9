package io.mch.harness.input;

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
public final class Fields {

    private final Cursor self;
    private final Map<String, NodeTuple> entries;

    public Fields(Cursor self, Map<String, NodeTuple> entries) {
        this.self = self;
        this.entries = entries;
    }

    public Cursor self() {
        return self;
    }

    public Set<String> present() {
        return entries.keySet();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Optional<Cursor> get(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null
                ? Optional.empty()
                : Optional.of(new Cursor(tuple.getValueNode(), Cursor.join(self.path(), key), self.problems()));
    }

    public Optional<Cursor> require(String key) {
        Optional<Cursor> field = get(key);
        if (field.isEmpty()) {
            missing(key, "required");
        }
        return field;
    }

    /** A problem about an absent field, located at this mapping. */
    public void missing(String key, String message) {
        self.problems().at(self.node(), Cursor.join(self.path(), key), message);
    }

    /** An optional field read with {@code read}; {@code fallback} when absent, empty when invalid. */
    public <T> Optional<T> optional(String key, Function<Cursor, Optional<T>> read, T fallback) {
        return get(key).map(read).orElse(Optional.of(fallback));
    }

    public <T> Optional<T> required(String key, Function<Cursor, Optional<T>> read) {
        return require(key).flatMap(read);
    }
}
