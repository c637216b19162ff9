package io.mch.harness.backend.support;

import io.mch.harness.backend.Fleet;
import io.mch.harness.backend.Cluster;
import io.mch.faults.Heal;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The clusters of one run as a {@link Fleet}, whatever made them: backends differ in how a cluster
 * loses nodes or itself, and in what they clean up once every cluster is closed; finding a cluster
 * by name and closing all of them — each one even when another fails, and only once — is the same.
 */
public final class ClusterFleet<C extends Cluster & AutoCloseable> implements Fleet {

    private final List<C> clusters;
    private final BiFunction<C, Integer, Heal> loseNodes;
    private final Function<C, Heal> lose;
    private final Runnable afterClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<String, Integer> losses = new ConcurrentHashMap<>();

    /**
     * @param loseNodes takes {@code count} nodes of a cluster away, returning their heal
     * @param lose takes a whole cluster away, returning its heal
     * @param afterClose what the backend removes once every cluster is closed (runs even if one failed)
     */
    public ClusterFleet(List<C> clusters, BiFunction<C, Integer, Heal> loseNodes, Function<C, Heal> lose,
            Runnable afterClose) {
        this.clusters = List.copyOf(clusters);
        this.loseNodes = loseNodes;
        this.lose = lose;
        this.afterClose = afterClose;
    }

    @Override
    public List<Cluster> clusters() {
        return List.copyOf(clusters);
    }

    @Override
    public Heal loseNodes(String cluster, int count) {
        return loseNodes.apply(member(cluster), count);
    }

    /** The cluster's own loss, counted so that {@link #lost} needs no call to the cluster; losses may overlap. */
    @Override
    public Heal loseCluster(String cluster) {
        Heal heal = lose.apply(member(cluster));
        losses.merge(cluster, 1, Integer::sum);
        return Heal.once(() -> {
            heal.heal();
            losses.merge(cluster, -1, Integer::sum);
        });
    }

    @Override
    public boolean lost(String cluster) {
        return losses.getOrDefault(cluster, 0) > 0;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RuntimeException failure = null;
        for (C cluster : clusters) {
            failure = attempt(cluster::close, failure);
        }
        failure = attempt(afterClose::run, failure);
        if (failure != null) {
            throw failure;
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static RuntimeException attempt(Step step, RuntimeException failure) {
        try {
            step.run();
            return failure;
        } catch (Exception e) {
            RuntimeException wrapped = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            if (failure == null) {
                return wrapped;
            }
            failure.addSuppressed(wrapped);
            return failure;
        }
    }

    private C member(String name) {
        return clusters.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no cluster " + name));
    }
}
