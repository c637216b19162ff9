package io.mch.harness.backend.k3s;

import com.github.dockerjava.api.DockerClient;
import io.mch.faults.Heal;
import io.mch.harness.backend.Cluster;
import io.mch.harness.backend.Fleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The k3s clusters of one run. Closing closes every cluster and then removes whatever still
 * carries the run's label; a JVM shutdown hook does the same if the run never gets to close.
 */
final class K3sFleet implements Fleet {

    private final List<K3sCluster> clusters;
    private final String runId;
    private final DockerClient docker;
    private final Path workloadImage;
    private final K3sOptions.NodeOutage outage;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    K3sFleet(List<K3sCluster> clusters, String runId, DockerClient docker, Path workloadImage,
            K3sOptions.NodeOutage outage, Thread shutdownHook) {
        this.clusters = List.copyOf(clusters);
        this.runId = runId;
        this.docker = docker;
        this.workloadImage = workloadImage;
        this.outage = outage;
        this.shutdownHook = shutdownHook;
    }

    @Override
    public List<Cluster> clusters() {
        return List.copyOf(clusters);
    }

    /** Stops (or kills, or pauses) the cluster's last {@code count} agent containers. */
    @Override
    public Heal loseNodes(String cluster, int count) {
        return k3s(cluster).loseNodes(count, outage);
    }

    @Override
    public Heal loseCluster(String cluster) {
        return k3s(cluster).lose();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RuntimeException failure = new IllegalStateException("k3s run " + runId + ": close failed");
        for (K3sCluster cluster : clusters) {
            try {
                cluster.close();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        try {
            cleanUp(docker, runId, workloadImage);
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    /** Removes the run's labelled containers and networks, and the exported workload image. */
    static void cleanUp(DockerClient docker, String runId, Path workloadImage) {
        RunResources.removeAll(docker, runId);
        if (workloadImage != null) {
            try {
                Files.deleteIfExists(workloadImage);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private K3sCluster k3s(String name) {
        return clusters.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no cluster " + name));
    }
}
