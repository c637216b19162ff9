package io.mch.harness.measure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Whether a live object carries the desired spec. Like Argo CD's diff, fields the desired object
 * does not mention (defaults a real API server fills in) are ignored; every field it does mention
 * must be equal.
 */
public final class SpecMatch {

    private SpecMatch() {}

    public static boolean contains(JsonNode live, JsonNode desired) {
        if (desired == null || desired.isNull()) {
            return true;
        }
        if (live == null || live.isNull()) {
            return false;
        }
        if (desired.isObject()) {
            if (!live.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = desired.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!contains(live.get(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (desired.isArray()) {
            if (!live.isArray() || live.size() != desired.size()) {
                return false;
            }
            for (int i = 0; i < desired.size(); i++) {
                if (!contains(live.get(i), desired.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return desired.asText().equals(live.asText());
    }
}
