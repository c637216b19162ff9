package io.mch.faults.nemesis;

import io.mch.faults.Heal;
import io.mch.faults.proxy.LinkProxy;
import io.mch.faults.proxy.Links;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
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
     * works wherever the links know it. No link at all makes a heal with nothing to do. Links
     * between the groups that open while the fault is active are changed as they open.
     */
    static Heal apply(Links links, List<String> between, List<String> and, PerLink perLink) {
        List<Heal> heals = new ArrayList<>();
        Set<LinkProxy> changed = new HashSet<>();
        Heal watching = links.whenOpened((from, to, link) -> {
            synchronized (heals) {
                if (between.contains(from) && and.contains(to) && changed.add(link)) {
                    perLink.apply(link, true, heals);
                } else if (and.contains(from) && between.contains(to) && changed.add(link)) {
                    perLink.apply(link, false, heals);
                }
            }
        });
        Map<LinkProxy, Boolean> outboundByLink = new LinkedHashMap<>();
        for (String a : between) {
            for (String b : and) {
                links.between(a, b).forEach(link -> outboundByLink.putIfAbsent(link, true));
                links.between(b, a).forEach(link -> outboundByLink.putIfAbsent(link, false));
            }
        }
        Heal all = Heal.once(() -> {
            watching.heal();
            healAll(heals);
        });
        try {
            synchronized (heals) {
                outboundByLink.forEach((link, outbound) -> {
                    if (changed.add(link)) {
                        perLink.apply(link, outbound, heals);
                    }
                });
            }
        } catch (RuntimeException e) {
            all.heal();
            throw e;
        }
        return all;
    }

    private static void healAll(List<Heal> heals) {
        synchronized (heals) {
            for (int i = heals.size() - 1; i >= 0; i--) {
                heals.get(i).heal();
            }
            heals.clear();
        }
    }
}
