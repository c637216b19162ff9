package io.mch.harness.fault;

import io.mch.harness.input.Cursor;
import io.mch.harness.input.Fields;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a fault separates: {@code between} on one side, {@code and} on the other (empty for a fault on one cluster). */
public record Sides(List<String> between, List<String> and) {

    public Sides {
        between = List.copyOf(between);
        and = List.copyOf(and);
    }

    /** The {@code between} and {@code and} fields as {@link #bind} reads them, for a fault type to add its own to. */
    public Map<String, Object> yaml() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("between", between);
        body.put("and", and);
        return body;
    }

    /** One cluster and nothing across: a node or cluster loss. */
    public static Sides of(String cluster) {
        return new Sides(List.of(cluster), List.of());
    }

    /**
     * The {@code between} and {@code and} fields of a fault on the paths between two groups of
     * endpoints (a partition, latency): valid endpoints, none on both sides.
     */
    public static Optional<Sides> bind(Fields f, FaultTargets targets) {
        Optional<List<String>> between = f.required("between", targets::endpoints);
        Optional<List<String>> and = f.required("and", targets::endpoints);
        if (between.isEmpty() || and.isEmpty()) {
            return Optional.empty();
        }
        Set<String> left = new HashSet<>(between.get());
        List<Cursor> right = f.get("and").flatMap(Cursor::items).orElseThrow();
        boolean disjoint = true;
        for (int i = 0; i < right.size(); i++) {
            if (left.contains(and.get().get(i))) {
                right.get(i).problem("'" + and.get().get(i) + "' is on both sides");
                disjoint = false;
            }
        }
        return disjoint ? Optional.of(new Sides(between.get(), and.get())) : Optional.empty();
    }
}
