package io.mch.harness.fabric.replication;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mch.harness.config.ReplicationSpec;
import io.mch.harness.fabric.FabricContext;
import io.mch.harness.network.Endpoints;
import io.mch.harness.runtime.Threads;
import io.mch.harness.workload.AnyKind;
import io.mch.harness.workload.Workloads;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.mch.reports.history.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Velero's scheduled backups and its restore (see {@link Selected} and {@link Restoring} for what
 * they carry). The backup controller runs in the source
 * cluster (it reads it directly, and stops while that cluster is lost) and uploads each backup to
 * the storage through the source's network link to the clients' region. The DR controller runs in
 * the restore cluster: it watches the source's API server through the network and, once the
 * source fails {@value #FAILURE_THRESHOLD} consecutive checks, restores the newest complete
 * backup, once per outage. What the restore brings back is the backup's content time, which is
 * what makes RPO measurable; when it finished is what makes RTO measurable.
 */
final class DisasterRecovery implements AutoCloseable {

    /**
     * Backups kept on disk; older ones are deleted by the storage. A bound on the run's disk use,
     * not Velero's (its backups live until their TTL): a restore always takes the newest backup,
     * so the older ones never matter to a run.
     */
    static final int RETAINED = 10;

    /** Consecutive failed checks after which the source counts as lost (as the load balancer's default). */
    static final int FAILURE_THRESHOLD = 3;

    /** Scenario time between two checks of the source. */
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);

    private static final String COMPONENT = "replication";

    /** What the DR controller reads to tell whether the source's API answers. */
    private static final String WATCHED = "default";

    /** A complete backup in the storage; its content is the source's state at {@code startedMs}. */
    record Taken(String name, long startedMs, long expiresMs, int objects) {}

    private final ReplicationSpec.Backup spec;
    private final FabricContext ctx;
    private final Duration checkInterval;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Deque<Taken> taken = new ArrayDeque<>();
    private final Object restoring = new Object();
    private List<ResourceDefinitionContext> workloadCustomKinds = List.of();
    private BackupStore store;
    private StorageClient fromStorage;
    private StorageClient restoreStorage;
    private KubernetesClient watchClient;
    private ScheduledExecutorService threads;

    // Watch state, touched only by the watch task (a periodic task never runs concurrently with itself).
    private int failures;
    private boolean sourceLost;
    private boolean armed = true;
    private long lostAtMs;

    private DisasterRecovery(ReplicationSpec.Backup spec, FabricContext ctx) {
        this.spec = spec;
        this.ctx = ctx;
        this.checkInterval = ctx.scale().wall(CHECK_INTERVAL);
    }

    /**
     * Opens the storage, schedules the backups at the Schedule's times (the first at once unless
     * skipImmediately, none while paused), and starts watching.
     */
    static DisasterRecovery start(ReplicationSpec.Backup spec, FabricContext ctx) {
        var dr = new DisasterRecovery(spec, ctx);
        try {
            // Relative (the scenario's): inside the run directory; absolute: given on the command line.
            Path location = ctx.runDir().resolve(spec.location().orElse(Path.of("backups")));
            dr.store = dr.own(BackupStore.open(location));
            Duration timeout = Replication.apiTimeout(ctx);
            dr.fromStorage = dr.own(new StorageClient(
                    ctx.network().connect(spec.from(), Endpoints.CLIENTS, dr.store.address()), timeout));
            dr.restoreStorage = dr.own(new StorageClient(
                    ctx.network().connect(spec.restoreTo(), Endpoints.CLIENTS, dr.store.address()), timeout));
            dr.watchClient = dr.own(ctx.apiClient(spec.restoreTo(), spec.from()));
            dr.threads = Executors.newScheduledThreadPool(3, Threads.named("replication-dr"));
            dr.workloadCustomKinds = dr.customKindsOf(ctx);
            // The Schedule's times are on the scenario's axis: counted from the run's zero, not from now.
            ctx.clock().whenStarted(() -> dr.scheduleBackup(spec.cadence().firstMs()));
            Tasks.every(dr.threads, dr.checkInterval, dr::watch, dr::error);
            return dr;
        } catch (IOException e) {
            dr.close();
            throw new UncheckedIOException("cannot open the backup location", e);
        } catch (RuntimeException e) {
            dr.close();
            throw e;
        }
    }

    /**
     * Schedules a backup at scenario time {@code dueMs} (none: the schedule takes no more), and
     * from it the next one, computed from the time the backup started as Velero computes it from
     * its last backup: a backup due while the controller could not run is taken once, late, not
     * once per missed time.
     */
    private void scheduleBackup(OptionalLong dueMs) {
        if (dueMs.isEmpty()) {
            return;
        }
        long due = dueMs.getAsLong();
        // Rounded up to a whole wall millisecond, so a backup never starts before its cron time.
        long delayNanos = ctx.scale().wall(Duration.ofMillis(Math.max(0, due - ctx.clock().ms()))).toNanos();
        long delayMs = (delayNanos + 999_999) / 1_000_000;
        try {
            threads.schedule(Tasks.guarded(() -> {
                long startedMs = Math.max(due, ctx.clock().ms());
                try {
                    backup();
                } finally {
                    scheduleBackup(spec.cadence().nextMs(startedMs));
                }
            }, this::error), delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // The run is over: no more backups.
        }
    }

    /** The custom kinds of the workload's manifests: backed up even where no CRD defines them. */
    private List<ResourceDefinitionContext> customKindsOf(FabricContext ctx) {
        KubernetesClient source = ctx.fleet().cluster(spec.from()).client();
        return Workloads.read(source, ctx.topology().workload().manifests()).stream()
                .filter(AnyKind::custom)
                .map(o -> AnyKind.definition(source, o))
                .toList();
    }

    /** Whether a {@code replicate} step from {@code from} to {@code to} is a backup and restore. */
    boolean covers(String from, String to) {
        return spec.from().equals(from) && spec.restoreTo().equals(to);
    }

    String restoreTo() {
        return spec.restoreTo();
    }

    /** The storage directory of a backup. */
    Path directory(String backup) {
        return store.directory(backup);
    }

    /**
     * A {@code replicate} step: a backup now, restored now; retried until both succeed; measures
     * the time from the step until the restore finished.
     */
    void drill(long stepMs) {
        Tasks.retry(threads, checkInterval, () -> {
            Optional<Taken> backup = backup();
            if (backup.isEmpty() || !restore(backup.get(), "step", stepMs)) {
                return false;
            }
            ctx.measured("replicate", spec.from() + "->" + spec.restoreTo(), ctx.clock().ms() - stepMs,
                    Duration.ofMillis(1), backup.get().name() + " (" + backup.get().objects() + " objects) taken in "
                            + spec.from() + " and restored into " + spec.restoreTo());
            return true;
        }, this::error);
    }

    /** A {@code failover} step promoting the restore cluster: restores the newest backup now. */
    void promote(long stepMs) {
        Tasks.retry(threads, checkInterval, () -> restore(newest(), "step", stepMs), this::error);
    }

    /**
     * Takes one backup if the source runs and the storage is reachable from it; the content is the
     * source's state when the listing started. One backup at a time.
     */
    synchronized Optional<Taken> backup() {
        if (Replication.lost(ctx, spec.from())) {
            return Optional.empty();
        }
        long startedMs = ctx.clock().ms();
        String name = uniqueName(startedMs);
        KubernetesClient source = ctx.fleet().cluster(spec.from()).client();
        Map<String, String> files = new LinkedHashMap<>();
        try {
            for (HasMetadata object : Selected.backedUp(source, spec.selection(), workloadCustomKinds)) {
                files.put(Manifests.fileName(object), Manifests.yaml(object));
            }
            fromStorage.upload(name, files);
        } catch (IOException | KubernetesClientException e) {
            ctx.note(COMPONENT, spec.from(), name + " failed: " + e.getMessage());
            return Optional.empty();
        }
        Taken backup = new Taken(name, startedMs, startedMs + spec.ttl().toMillis(), files.size());
        synchronized (taken) {
            taken.addLast(backup);
            while (taken.size() > RETAINED) {
                store.delete(taken.removeFirst().name());
            }
        }
        ctx.history().accept(new Event.BackupTaken(
                ctx.clock().ms(), spec.from(), spec.selection().describeNamespaces(), name, startedMs, files.size()));
        return Optional.of(backup);
    }

    private String uniqueName(long startedMs) {
        String name = "backup-" + startedMs;
        for (int n = 2; contains(name); n++) {
            name = "backup-" + startedMs + "-" + n;
        }
        return name;
    }

    private boolean contains(String name) {
        synchronized (taken) {
            return taken.stream().anyMatch(t -> t.name().equals(name));
        }
    }

    /**
     * The newest complete backup that has not expired, or null. Velero's garbage collector deletes
     * a backup past its TTL; a restore from the schedule takes the newest backup it still has.
     */
    private Taken newest() {
        long now = ctx.clock().ms();
        synchronized (taken) {
            while (!taken.isEmpty() && taken.peekFirst().expiresMs() <= now) {
                store.delete(taken.removeFirst().name());
            }
            return taken.peekLast();
        }
    }

    /** One round of the DR controller's watch over the source. */
    private void watch() {
        if (Replication.lost(ctx, spec.restoreTo())) {
            return;
        }
        boolean reachable;
        try {
            watchClient.namespaces().withName(WATCHED).get();
            reachable = true;
        } catch (KubernetesClientException e) {
            reachable = false;
        }
        if (reachable) {
            failures = 0;
            armed = true;
            if (sourceLost) {
                sourceLost = false;
                ctx.note(COMPONENT, spec.from(), spec.from() + " reachable again from " + spec.restoreTo());
            }
            return;
        }
        if (!sourceLost && ++failures >= FAILURE_THRESHOLD) {
            sourceLost = true;
            lostAtMs = ctx.clock().ms();
            ctx.note(COMPONENT, spec.from(), spec.from() + " failed " + FAILURE_THRESHOLD + " checks from "
                    + spec.restoreTo() + ": restoring the newest backup there");
        }
        if (sourceLost && armed && restore(newest(), "failover", lostAtMs)) {
            armed = false;
        }
    }

    /**
     * Restores {@code backup} (null: none exists yet, and that is recorded) into the restore
     * cluster, creating or replacing each object by name; false if the storage or the cluster
     * could not be reached, so the caller tries again.
     */
    private boolean restore(Taken backup, String trigger, long triggerMs) {
        synchronized (restoring) {
            String into = spec.restoreTo();
            String namespaces = spec.selection().describeNamespaces();
            if (backup == null) {
                ctx.history().accept(new Event.Restored(
                        ctx.clock().ms(), into, namespaces, null, -1, triggerMs, trigger, 0));
                ctx.note(COMPONENT, into, "no backup of " + spec.from() + " to restore yet (" + trigger + ")");
                return true;
            }
            KubernetesClient target = ctx.fleet().cluster(into).client();
            Restoring result;
            try {
                List<HasMetadata> objects = new ArrayList<>();
                for (String yaml : restoreStorage.download(backup.name()).values()) {
                    objects.add(Manifests.parse(yaml));
                }
                result = Restoring.into(target, spec.restore(), objects);
            } catch (IOException | KubernetesClientException e) {
                ctx.note(COMPONENT, into, "restore of " + backup.name() + " failed: " + e.getMessage());
                return false;
            }
            ctx.history().accept(new Event.Restored(ctx.clock().ms(), into, namespaces, backup.name(),
                    backup.startedMs(), triggerMs, trigger, result.written()));
            ctx.note(COMPONENT, into, "restored " + backup.name() + " (" + result.written() + " objects of "
                    + spec.from() + " as of t=" + backup.startedMs() + " ms" + result.skippedNote() + ") into "
                    + into + " (" + trigger + ")");
            return true;
        }
    }

    private void error(RuntimeException e) {
        ctx.note(COMPONENT, spec.from(), "backup/restore error: " + e);
    }

    private <T extends AutoCloseable> T own(T resource) {
        resources.add(resource);
        return resource;
    }

    /** Stops the controllers and closes their clients and the storage endpoint; backups stay on disk. */
    @Override
    public void close() {
        if (threads != null) {
            Threads.stop(threads, Duration.ofSeconds(10));
        }
        Replication.closeAll(resources);
    }
}
