package io.mch.harness.fabric.replication;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mch.harness.config.ReplicationSpec;
import io.mch.harness.fabric.FabricContext;
import io.mch.harness.network.Endpoints;
import io.mch.harness.runtime.Threads;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Velero-style backup and restore of one namespace. The backup controller runs in the source
 * cluster (it reads it directly, and stops while that cluster is lost) and uploads each backup to
 * the storage through the source's network link to the clients' region. The DR controller runs in
 * the restore cluster: it watches the source's API server through the network and, once the
 * source fails {@value #FAILURE_THRESHOLD} consecutive checks, restores the newest complete
 * backup, once per outage. What the restore brings back is the backup's content time, which is
 * what makes RPO measurable; when it finished is what makes RTO measurable.
 */
final class DisasterRecovery implements AutoCloseable {

    /** Backups kept; older ones are deleted by the storage (Velero's TTL). */
    static final int RETAINED = 10;

    /** Consecutive failed checks after which the source counts as lost (as the load balancer's default). */
    static final int FAILURE_THRESHOLD = 3;

    /** Scenario time between two checks of the source. */
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);

    private static final String COMPONENT = "replication";

    /** A complete backup in the storage; its content is the source's state at {@code startedMs}. */
    record Taken(String name, long startedMs, int objects) {}

    private final ReplicationSpec.Backup spec;
    private final FabricContext ctx;
    private final Duration checkInterval;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Deque<Taken> taken = new ArrayDeque<>();
    private final Object restoring = new Object();
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

    /** Opens the storage, takes the first backup at once (as a Velero Schedule does), and starts watching. */
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
            Tasks.every(dr.threads, spec.every(), dr::backup, dr::error);
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
            for (var kind : Kinds.BACKED_UP) {
                for (HasMetadata object : source.resources(kind).inNamespace(spec.namespace()).list().getItems()) {
                    if (!Manifests.clusterOwned(object)) {
                        files.put(Manifests.fileName(object), Manifests.yaml(object));
                    }
                }
            }
            fromStorage.upload(name, files);
        } catch (IOException | KubernetesClientException e) {
            ctx.note(COMPONENT, spec.from(), name + " failed: " + e.getMessage());
            return Optional.empty();
        }
        Taken backup = new Taken(name, startedMs, files.size());
        synchronized (taken) {
            taken.addLast(backup);
            while (taken.size() > RETAINED) {
                store.delete(taken.removeFirst().name());
            }
        }
        ctx.history().accept(new Event.BackupTaken(
                ctx.clock().ms(), spec.from(), spec.namespace(), name, startedMs, files.size()));
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

    /** The newest complete backup, or null. */
    private Taken newest() {
        synchronized (taken) {
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
            watchClient.namespaces().withName(spec.namespace()).get();
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
            if (backup == null) {
                ctx.history().accept(new Event.Restored(
                        ctx.clock().ms(), into, spec.namespace(), null, -1, triggerMs, trigger, 0));
                ctx.note(COMPONENT, into, "no backup of " + spec.from() + " to restore yet (" + trigger + ")");
                return true;
            }
            KubernetesClient target = ctx.fleet().cluster(into).client();
            List<HasMetadata> objects = new ArrayList<>();
            try {
                for (String yaml : restoreStorage.download(backup.name()).values()) {
                    HasMetadata object = Manifests.parse(yaml);
                    object.getMetadata().setNamespace(spec.namespace());
                    objects.add(object);
                }
                if (target.namespaces().withName(spec.namespace()).get() == null) {
                    target.namespaces().resource(new NamespaceBuilder()
                            .withNewMetadata().withName(spec.namespace()).endMetadata().build()).create();
                }
                for (HasMetadata object : Manifests.inRestoreOrder(objects)) {
                    Manifests.write(target, object, target.resource(object).get());
                }
            } catch (IOException | KubernetesClientException e) {
                ctx.note(COMPONENT, into, "restore of " + backup.name() + " failed: " + e.getMessage());
                return false;
            }
            ctx.history().accept(new Event.Restored(ctx.clock().ms(), into, spec.namespace(), backup.name(),
                    backup.startedMs(), triggerMs, trigger, objects.size()));
            ctx.note(COMPONENT, into, "restored " + backup.name() + " (" + objects.size() + " objects of "
                    + spec.from() + " as of t=" + backup.startedMs() + " ms) into " + into + " (" + trigger + ")");
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
