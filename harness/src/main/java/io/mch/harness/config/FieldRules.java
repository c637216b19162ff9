package io.mch.harness.config;

import io.mch.harness.input.Cursor;
import java.util.Map;
import java.util.Set;

/**
 * The rule for a real controller's resource: every field is honoured as the controller documents
 * it, has no effect on what lands on a cluster, or is refused before anything starts. One table per
 * mapping: the keys mch honours or may ignore, and for a refused key why; any other key is refused
 * as unknown. docs/fidelity.md lists the same tables for people.
 */
final class FieldRules {

    private FieldRules() {}

    /**
     * Whether every key of {@code mapping} is in {@code accepted}; each other key is one problem at
     * that key, {@code mch does not model <what>}, with the reason from {@code refused} or
     * "this field of <resource>".
     */
    static boolean check(ManifestMapping mapping, String resource, Set<String> accepted, Map<String, String> refused) {
        boolean clean = true;
        for (Map.Entry<String, Cursor> entry : mapping.entries().entrySet()) {
            if (accepted.contains(entry.getKey())) {
                continue;
            }
            String why = refused.getOrDefault(entry.getKey(), "this field of " + resource);
            entry.getValue().problem("mch does not model " + why + " (see docs/fidelity.md)");
            clean = false;
        }
        return clean;
    }

    /** Refuses a template placeholder where mch only reads literal values. */
    static boolean literal(Cursor value) {
        boolean templated = value.text().filter(t -> t.contains("{{")).isPresent();
        if (templated) {
            value.problem("mch does not model ApplicationSet parameters in this field; write the value literally");
        }
        return !templated;
    }
}
