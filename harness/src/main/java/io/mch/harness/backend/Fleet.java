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

    @Override
    void close();
}
