package io.mch.harness.config;

import java.util.Map;

/**
 * A Fleet {@code ClusterGroup} declared in the topology ({@code fabric.sync.cluster-groups}): the
 * spokes its {@code selector} matches, and its own {@code labels}, which a GitRepo target's
 * {@code clusterGroupSelector} matches. A GitRepo without targets goes to the group named
 * {@code default}, as Fleet's does.
 */
record ClusterGroup(String name, LabelSelector selector, Map<String, String> labels) {

    static final String DEFAULT = "default";

    ClusterGroup {
        labels = Map.copyOf(labels);
    }
}
