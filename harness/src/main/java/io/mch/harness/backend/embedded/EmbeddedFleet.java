package io.mch.harness.backend.embedded;

import io.mch.faults.Heal;
import io.mch.harness.backend.Cluster;
import io.mch.harness.backend.Fleet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

/** The embedded clusters of one run; closing stops all of them, and may be repeated. */
final class EmbeddedFleet implements Fleet {

    private final List<EmbeddedCluster> clusters;
    private final String workloadService;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param workloadService the service whose pods decide which nodes a node loss takes; may be null */
    EmbeddedFleet(List<EmbeddedCluster> clusters, String workloadService) {
        this.clusters = List.copyOf(clusters);
        this.workloadService = workloadService;
    }

    @Override
    public List<Cluster> clusters() {
        return List.copyOf(clusters);
    }

    /** Stops the kubelets of the nodes with the most ready pods of the workload (ties by name). */
    @Override
    public Heal loseNodes(String cluster, int count) {
        return embedded(cluster).loseNodes(count, workloadService);
    }

    @Override
    public Heal loseCluster(String cluster) {
        return embedded(cluster).lose();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RuntimeException failure = null;
        for (EmbeddedCluster cluster : clusters) {
            try {
                cluster.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private EmbeddedCluster embedded(String name) {
        return clusters.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no cluster " + name));
    }
}
