package io.mch.harness.config;

import io.mch.harness.config.Topology.ClusterSpec;
import io.mch.harness.input.Cursor;
import java.util.List;
import java.util.Optional;

/**
 * k8gb's geo tags (each cluster's {@code clusterGeoTag}, which {@code primaryGeoTag} and
 * {@code weight} name) mapped to the topology's clusters: a tag is a cluster's name, or a region
 * that holds exactly one cluster. A region with several clusters is refused as a tag: k8gb gives
 * every cluster its own tag, so it would not know which one is meant.
 */
final class GeoTags {

    private GeoTags() {}

    static Optional<String> cluster(Cursor at, String tag, List<ClusterSpec> clusters) {
        if (clusters.stream().anyMatch(c -> c.name().equals(tag))) {
            return Optional.of(tag);
        }
        List<ClusterSpec> inRegion = clusters.stream().filter(c -> c.region().equals(tag)).toList();
        if (inRegion.size() == 1) {
            return Optional.of(inRegion.get(0).name());
        }
        at.problem(inRegion.isEmpty()
                ? "geo tag '" + tag + "' names no cluster; a geo tag is a cluster's name ("
                        + String.join(", ", clusters.stream().map(ClusterSpec::name).toList())
                        + ") or the region of exactly one cluster"
                : "geo tag '" + tag + "' is the region of " + inRegion.size()
                        + " clusters; name one cluster (k8gb tags every cluster on its own)");
        return Optional.empty();
    }
}
