package io.mch.harness.backend;

import io.mch.faults.ClusterControl;
import java.util.List;
import java.util.NoSuchElementException;

/** The running clusters of one run; closing it stops everything the backend started. */
public interface Fleet extends ClusterControl, AutoCloseable {

    List<Cluster> clusters();

    default Cluster cluster(String name) {
        return clusters().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no cluster " + name));
    }

    /**
     * Whether {@code cluster} is lost now (a cluster loss is active on it): what fabric parts and
     * in-cluster clients ask before acting, since whatever runs in a lost cluster is gone with it.
     * Asked often, so backends answer from what they did rather than by querying the cluster.
     */
    default boolean lost(String cluster) {
        return "Lost".equals(cluster(cluster).status());
    }

    @Override
    void close();
}
