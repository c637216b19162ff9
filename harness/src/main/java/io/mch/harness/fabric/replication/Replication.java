package io.mch.harness.fabric.replication;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.mch.harness.config.ReplicationSpec;
import io.mch.harness.config.Step;
import io.mch.harness.fabric.Fabric;
import io.mch.harness.fabric.FabricContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data replication and disaster recovery as a fabric part: Velero-style scheduled backups of a
 * namespace restored into the standby on failover (the history then gives RPO and RTO), and
 * continuous ConfigMap/Secret replication between clusters (which gives replication lag). Every
 * controller crosses between clusters only through the network, so faults act on it as on
 * traffic.
 *
 * <p>Steps: {@code replicate} between the backup's source and restore cluster takes a backup and
 * restores it; between an object replication's source and one of its targets it runs a pass;
 * either is measured ({@code Measured "replicate"}). {@code failover} to the restore cluster
 * restores the newest backup there and reports the step as handled, although the global load
 * balancer acts on the same step: a drill that promotes the standby needs its data as well as
 * its traffic.
 */
public final class Replication implements Fabric {

    /** Scenario time after which a call to an unresponsive endpoint gives up (as {@link FabricContext#apiClient}). */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final FabricContext ctx;
    private final Optional<DisasterRecovery> recovery;
    private final List<ObjectReplicator> replicators;

    private Replication(FabricContext ctx, Optional<DisasterRecovery> recovery, List<ObjectReplicator> replicators) {
        this.ctx = ctx;
        this.recovery = recovery;
        this.replicators = replicators;
    }

    /**
     * Starts the backup schedule (first backup at once), the DR watch and every object replication,
     * with the spec's durations in wall time. On failure, whatever started is stopped.
     */
    public static Replication start(ReplicationSpec spec, FabricContext ctx) {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            Optional<DisasterRecovery> recovery = spec.backup().map(b -> DisasterRecovery.start(b, ctx));
            recovery.ifPresent(started::add);
            List<ObjectReplicator> replicators = new ArrayList<>();
            for (ReplicationSpec.ObjectReplication objects : spec.objects()) {
                ObjectReplicator replicator = ObjectReplicator.start(objects, ctx);
                started.add(replicator);
                replicators.add(replicator);
            }
            return new Replication(ctx, recovery, List.copyOf(replicators));
        } catch (RuntimeException e) {
            try {
                closeAll(started);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Starts {@code replicate} and {@code failover} steps that concern this part (they complete in
     * the background); false for any other step.
     */
    @Override
    public boolean perform(Step.Scheduled scheduled) {
        long nowMs = ctx.clock().ms();
        if (scheduled.step() instanceof Step.Replicate r) {
            boolean handled = false;
            if (recovery.isPresent() && recovery.get().covers(r.from(), r.to())) {
                recovery.get().drill(nowMs);
                handled = true;
            }
            for (ObjectReplicator replicator : replicators) {
                if (replicator.covers(r.from(), r.to())) {
                    replicator.replicateNow(r.to(), nowMs);
                    handled = true;
                }
            }
            return handled;
        }
        if (scheduled.step() instanceof Step.Failover f
                && recovery.isPresent() && recovery.get().restoreTo().equals(f.to())) {
            recovery.get().promote(nowMs);
            return true;
        }
        return false;
    }

    /** For each object-replication target, the source's replicated objects as they are now (heartbeats excluded). */
    @Override
    public Map<String, List<HasMetadata>> desired() {
        Map<String, List<HasMetadata>> desired = new LinkedHashMap<>();
        for (ObjectReplicator replicator : replicators) {
            replicator.desired().forEach((cluster, objects) ->
                    desired.computeIfAbsent(cluster, c -> new ArrayList<>()).addAll(objects));
        }
        return desired;
    }

    /** The storage directory holding a backup (named as in its {@code BackupTaken} event). */
    public Optional<Path> backupDirectory(String backup) {
        return recovery.map(r -> r.directory(backup));
    }

    /** Stops every controller and closes every client; backups on disk and replicated copies stay. */
    @Override
    public void close() {
        List<AutoCloseable> parts = new ArrayList<>(replicators);
        recovery.ifPresent(parts::add);
        closeAll(parts);
    }

    /** Whether a cluster is lost (its controllers, Velero's among them, are not running). */
    static boolean lost(FabricContext ctx, String cluster) {
        return ctx.fleet().lost(cluster);
    }

    /** The wall time a call across the network may take before it counts as failed. */
    static Duration apiTimeout(FabricContext ctx) {
        Duration wall = ctx.scale().wall(TIMEOUT);
        return wall.toMillis() < 200 ? Duration.ofMillis(200) : wall;
    }

    /** Closes every resource, even when one fails; the first failure is thrown with the rest suppressed. */
    static void closeAll(List<? extends AutoCloseable> resources) {
        RuntimeException failure = null;
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                RuntimeException wrapped = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                if (failure == null) {
                    failure = wrapped;
                } else {
                    failure.addSuppressed(wrapped);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
