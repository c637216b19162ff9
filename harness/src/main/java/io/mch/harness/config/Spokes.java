package io.mch.harness.config;

import io.mch.harness.config.Topology.ClusterSpec;
import io.mch.harness.input.Cursor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The clusters a GitOps hub's label selectors choose among: every cluster but the hub. A selector
 * that chooses none is refused, because an application or policy that reaches no cluster makes
 * every consistency figure about it vacuous, and is nearly always a label typo.
 */
record Spokes(String hub, List<ClusterSpec> all) {

    Spokes {
        all = List.copyOf(all);
    }

    /** Every cluster but the hub. */
    List<ClusterSpec> clusters() {
        return all.stream().filter(c -> !c.name().equals(hub)).toList();
    }

    /** The hub, as a destination of its own controller. */
    Optional<ClusterSpec> hubCluster() {
        return all.stream().filter(c -> c.name().equals(hub)).findFirst();
    }

    static Optional<Spokes> of(Optional<String> hub, Optional<List<ClusterSpec>> clusters) {
        return hub.flatMap(h -> clusters.map(cs -> new Spokes(h, cs)));
    }

    /** The spokes {@code selector} matches (all of them for an empty one). */
    List<ClusterSpec> matching(LabelSelector selector) {
        return clusters().stream().filter(c -> selector.matches(c.labels())).toList();
    }

    /** Whether the {@code matchLabels} selector matches a spoke; if not, a problem at {@code at}. */
    boolean check(Cursor at, Map<String, String> selector) {
        return check(at, LabelSelector.labels(selector));
    }

    /** Whether a spoke is named {@code name}; if not, a problem at {@code at}. */
    boolean named(Cursor at, String name) {
        boolean known = clusters().stream().anyMatch(c -> c.name().equals(name));
        if (!known) {
            at.problem("no spoke is named '" + name + "'; spokes are "
                    + clusters().stream().map(ClusterSpec::name).collect(Collectors.joining(", ")));
        }
        return known;
    }

    /** Whether {@code selector} matches a spoke; if not, a problem at {@code at}. */
    boolean check(Cursor at, LabelSelector selector) {
        if (!matching(selector).isEmpty()) {
            return true;
        }
        if (clusters().isEmpty()) {
            at.problem("selects every cluster but the hub '" + hub + "', and there is no other cluster");
        } else {
            at.problem("selector " + selector + " matches no cluster other than the hub '" + hub
                    + "'; clusters are " + clusters().stream().map(c -> c.name() + " " + format(new TreeMap<>(c.labels())))
                            .collect(Collectors.joining(", ")));
        }
        return false;
    }

    /** {@code {env: prod, tier: web}}, in the given order. */
    static String format(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
