package io.mch.harness.fabric.sync;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mch.harness.fabric.FabricContext;
import io.mch.reports.history.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One (source, target cluster) pair, what Argo CD's ApplicationSet generates one Application for:
 * its status, when it is next reconciled, and what the controller last applied there. The last
 * applied state is what tells a repository change (OutOfSync) from a hand edit on the cluster
 * (Modified), and what prune deletes when a manifest leaves the repository. Only its lane's thread
 * reconciles it; the status is read from anywhere.
 */
final class Pair {

    static final String SYNCED = "Synced";
    static final String OUT_OF_SYNC = "OutOfSync";
    static final String MODIFIED = "Modified";
    static final String UNKNOWN = "Unknown";

    /** How many object keys a status detail names before it says "and N more". */
    private static final int NAMED = 3;

    private final Source source;
    private final String cluster;
    private final Random random;
    private final Map<String, Manifest> applied = new LinkedHashMap<>();
    private volatile String status;
    private volatile long dueNanos;
    /** A manual application's sync asked for by a scenario {@code sync} step, not yet carried out. */
    private volatile boolean syncRequested;

    Pair(Source source, String cluster, long seed) {
        this.source = source;
        this.cluster = cluster;
        this.random = new Random(seed ^ (source.name() + "@" + cluster).hashCode());
    }

    Source source() {
        return source;
    }

    String cluster() {
        return cluster;
    }

    /** The last recorded status, or null before the first reconcile. */
    String status() {
        return status;
    }

    long dueNanos() {
        return dueNanos;
    }

    /** Asks for one sync of a manual application at the next reconcile (Argo CD's Sync button). */
    void requestSync() {
        syncRequested = true;
    }

    void dueAt(long nanoTime) {
        dueNanos = nanoTime;
    }

    /** The next reconcile: one interval plus a random share of the jitter from now. */
    void scheduleNext(long nowNanos, Duration interval, Duration jitter) {
        long spread = jitter.toNanos() > 0 ? random.nextLong(jitter.toNanos() + 1) : 0;
        dueNanos = nowNanos + interval.toNanos() + spread;
    }

    /**
     * Compares the cluster with the repository, records the status it finds, then syncs as
     * automated sync does: a repository change applies every differing object, drift is reverted
     * only with self-heal, and objects whose manifest left the repository are deleted only with
     * prune. Throws what the client throws; the lane decides whether that means unreachable.
     */
    void reconcile(KubernetesClient client, List<Manifest> desired, int revision, FabricContext ctx) {
        List<Manifest> changed = new ArrayList<>();
        List<Manifest> drifted = new ArrayList<>();
        List<String> driftNotes = new ArrayList<>();
        for (Manifest m : desired) {
            HasMetadata live = m.live(client);
            if (m.matches(live)) {
                applied.put(m.key(), m);
                continue;
            }
            Manifest last = applied.get(m.key());
            if (last != null && last.tree().equals(m.tree())) {
                drifted.add(m);
                driftNotes.add(m.key() + (live == null ? " deleted" : " changed"));
            } else {
                changed.add(m);
            }
        }
        List<Manifest> stale = stale(client, desired);
        String observed = statusOf(changed, stale, drifted);
        report(observed, detail(observed, revision, desired, changed, stale, driftNotes), ctx);
        boolean requested = syncRequested;
        if (!source.automated() && !requested) {
            return; // a manual application stays as found until it is synced
        }
        syncRequested = false;
        if (!source.automated()) {
            // A manual sync applies everything that differs, drift included, and prunes only with prune.
            drifted.forEach(m -> apply(client, m));
            changed.forEach(m -> apply(client, m));
            pruneAndReport(client, stale, revision, desired, driftNotes, true, ctx, List.of());
            return;
        }

        boolean applyDrift = source.selfHeal() || !changed.isEmpty();
        for (Manifest m : changed) {
            apply(client, m);
        }
        if (applyDrift) {
            drifted.forEach(m -> apply(client, m));
        }
        pruneAndReport(client, stale, revision, desired, driftNotes, applyDrift, ctx, drifted);
    }

    /** Deletes what left the repository (with prune) and records the status the sync leaves. */
    private void pruneAndReport(KubernetesClient client, List<Manifest> stale, int revision, List<Manifest> desired,
            List<String> driftNotes, boolean driftApplied, FabricContext ctx, List<Manifest> drifted) {
        if (source.prune()) {
            for (Manifest m : stale) {
                m.delete(client);
                applied.remove(m.key());
            }
        }
        List<Manifest> staleLeft = source.prune() ? List.of() : stale;
        List<Manifest> driftLeft = driftApplied ? List.of() : drifted;
        String after = statusOf(List.of(), staleLeft, driftLeft);
        report(after, detail(after, revision, desired, List.of(), staleLeft, driftNotes), ctx);
    }

    /** The hub could not reach the cluster: its last applied state stays, its status is unknown. */
    void unreachable(String reason, FabricContext ctx) {
        report(UNKNOWN, "cluster unreachable from the hub: " + reason, ctx);
    }

    /** The cluster answered a sync with an error: the repository's changes are not applied. */
    void failed(String reason, FabricContext ctx) {
        report(OUT_OF_SYNC, "sync failed: " + reason, ctx);
    }

    private void apply(KubernetesClient client, Manifest m) {
        m.apply(client);
        applied.put(m.key(), m);
    }

    /**
     * Objects this pair applied whose manifest has left the repository and that still exist
     * carrying this source's tracking label (anything else is not the controller's to delete).
     */
    private List<Manifest> stale(KubernetesClient client, List<Manifest> desired) {
        Set<String> wanted = desired.stream().map(Manifest::key).collect(Collectors.toSet());
        List<Manifest> stale = new ArrayList<>();
        for (Manifest m : List.copyOf(applied.values())) {
            if (wanted.contains(m.key())) {
                continue;
            }
            HasMetadata live = m.live(client);
            Map<String, String> labels = live == null ? null : live.getMetadata().getLabels();
            if (labels != null && source.name().equals(labels.get(WorkingCopy.APPLICATION_LABEL))) {
                stale.add(m);
            } else {
                applied.remove(m.key());
            }
        }
        return stale;
    }

    private void report(String newStatus, String detail, FabricContext ctx) {
        if (newStatus.equals(status)) {
            return;
        }
        status = newStatus;
        ctx.history().accept(new Event.SyncStatus(ctx.clock().ms(), source.name(), cluster, newStatus, detail));
    }

    private static String statusOf(List<Manifest> changed, List<Manifest> stale, List<Manifest> drifted) {
        return !changed.isEmpty() || !stale.isEmpty() ? OUT_OF_SYNC : !drifted.isEmpty() ? MODIFIED : SYNCED;
    }

    private String detail(String status, int revision, List<Manifest> desired, List<Manifest> changed,
            List<Manifest> stale, List<String> driftNotes) {
        return switch (status) {
            case OUT_OF_SYNC -> "revision " + revision + ":" + named(" not applied", changed)
                    + named(source.prune() ? " to prune" : " to prune (prune off)", stale);
            case MODIFIED -> "live objects drifted from the repository: " + listed(driftNotes)
                    + (source.selfHeal() ? "" : " (self-heal off)");
            default -> "revision " + revision + ": " + desired.size() + " object(s) match the repository";
        };
    }

    private static String named(String what, List<Manifest> manifests) {
        return manifests.isEmpty() ? "" : " " + listed(manifests.stream().map(Manifest::key).toList()) + what;
    }

    private static String listed(List<String> items) {
        String shown = items.stream().limit(NAMED).collect(Collectors.joining(", "));
        return items.size() > NAMED ? shown + " and " + (items.size() - NAMED) + " more" : shown;
    }
}
