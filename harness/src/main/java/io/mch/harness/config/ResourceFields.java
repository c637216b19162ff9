package io.mch.harness.config;

import io.mch.harness.input.Cursor;
import io.mch.harness.input.Names;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of one mapping of a real system's resource that the global load balancer reads (a
 * k8gb {@code Gslb}, an ExternalDNS {@code DNSEndpoint}), sorted as the fidelity rule asks: a
 * field mch honours, one it knows has no effect on what it models, or any other, refused where it
 * is written — so no field is silently dropped.
 */
record ResourceFields(Cursor self, Map<String, Cursor> entries) {

    /** The mapping at {@code at}, each key honoured or listed as without effect; empty after a problem. */
    static Optional<ResourceFields> of(Cursor at, List<String> honoured, List<String> noEffect, String what) {
        return at.entries().flatMap(entries -> {
            boolean known = true;
            for (Map.Entry<String, Cursor> e : entries.entrySet()) {
                if (!honoured.contains(e.getKey()) && !noEffect.contains(e.getKey())) {
                    e.getValue().problem("not modelled by mch in " + what + " (it reads "
                            + String.join(", ", honoured) + (noEffect.isEmpty() ? "" : "; without effect: "
                            + String.join(", ", noEffect)) + ")" + Names.hint(e.getKey(), honoured));
                    known = false;
                }
            }
            return known ? Optional.of(new ResourceFields(at, entries)) : Optional.empty();
        });
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
}
