package io.mch.harness.backend.kubeconfig;

import io.mch.faults.Heal;
import io.mch.harness.backend.Cluster;
import io.mch.harness.backend.Fleet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

/** The existing clusters of one run; closing undoes what the run left on them (see {@link Leftovers}). */
final class KubeconfigFleet implements Fleet {

    private final List<KubeconfigCluster> clusters;
    private final String workloadService;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param workloadService the service whose pods decide which nodes a node loss takes; may be null */
    KubeconfigFleet(List<KubeconfigCluster> clusters, String workloadService) {
        this.clusters = List.copyOf(clusters);
        this.workloadService = workloadService;
    }

    @Override
    public List<Cluster> clusters() {
        return List.copyOf(clusters);
    }

    @Override
    public Heal loseNodes(String cluster, int count) {
        return find(cluster).loseNodes(count, workloadService);
    }

    @Override
    public Heal loseCluster(String cluster) {
        return find(cluster).lose();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RuntimeException failure = null;
        for (KubeconfigCluster cluster : clusters) {
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

    private KubeconfigCluster find(String name) {
        return clusters.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no cluster " + name));
    }
}
