package io.mch.faults.nemesis;

import io.mch.faults.Heal;
import io.mch.faults.proxy.LinkProxy;
import io.mch.faults.proxy.Links;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks every link between two groups of endpoints, in both orientations, for the network
 * nemeses; it gathers the heals so that a fault is undone as one piece, even when injecting it
 * failed half way.
 */
final class PathFaults {

    /** Changes one link; {@code outbound} is true when the link's client side is in {@code between}. */
    @FunctionalInterface
    interface PerLink {
        void apply(LinkProxy link, boolean outbound, List<Heal> heals);
    }

    private PathFaults() {}

    /**
     * Applies {@code perLink} once to every link from a {@code between} endpoint to an {@code and}
     * endpoint (outbound) and back (inbound). A link reached twice (overlapping groups) is changed
     * only once, in the orientation seen first. Names go to {@link Links} as given, so a group name
     * works wherever the links know it. No link at all makes a heal with nothing to do.
     */
    static Heal apply(Links links, List<String> between, List<String> and, PerLink perLink) {
        Map<LinkProxy, Boolean> outboundByLink = new LinkedHashMap<>();
        for (String a : between) {
            for (String b : and) {
                links.between(a, b).forEach(link -> outboundByLink.putIfAbsent(link, true));
                links.between(b, a).forEach(link -> outboundByLink.putIfAbsent(link, false));
            }
        }
        List<Heal> heals = new ArrayList<>();
        try {
            outboundByLink.forEach((link, outbound) -> perLink.apply(link, outbound, heals));
        } catch (RuntimeException e) {
            healAll(heals);
            throw e;
        }
        return Heal.once(() -> healAll(heals));
    }

    private static void healAll(List<Heal> heals) {
        for (int i = heals.size() - 1; i >= 0; i--) {
            heals.get(i).heal();
        }
    }
}
