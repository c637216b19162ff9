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
final class ResourceFields {

    private ResourceFields() {}

    /** The mapping at {@code at}, each key honoured or listed as without effect; empty after a problem. */
    static Optional<ManifestMapping> of(Cursor at, List<String> honoured, List<String> noEffect, String what) {
        return ManifestMapping.of(at).filter(mapping -> {
            boolean known = true;
            for (Map.Entry<String, Cursor> e : mapping.entries().entrySet()) {
                if (!honoured.contains(e.getKey()) && !noEffect.contains(e.getKey())) {
                    e.getValue().problem("not modelled by mch in " + what + " (it reads "
                            + String.join(", ", honoured) + (noEffect.isEmpty() ? "" : "; without effect: "
                            + String.join(", ", noEffect)) + ")" + Names.hint(e.getKey(), honoured));
                    known = false;
                }
            }
            return known;
        });
    }
}
