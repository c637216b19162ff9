package io.mch.harness.fabric.sync;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mch.harness.fabric.FabricContext;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The controller's work for one spoke: that spoke's pairs, reconciled one after another, on one
 * pool thread at a time, through one API client that crosses the network. A lane per spoke is what
 * keeps a hanging spoke (under a partition every call waits for its timeout) from delaying the
 * others, and one client per spoke is how a real controller's cluster cache talks to it.
 */
final class Lane {

    private final String cluster;
    private final List<Pair> pairs;
    private final Settings settings;
    private final CompletableFuture<Void> firstRound = new CompletableFuture<>();
    /** Used only by the running reconcile, and closed once the pool has stopped. */
    private KubernetesClient client;
    private ScheduledFuture<?> next;
    private boolean running;
    private volatile boolean stopped;

    /** What every lane of one controller shares. */
    record Settings(
            FabricContext ctx,
            String hub,
            WorkingCopy repository,
            ScheduledExecutorService pool,
            Duration interval,
            Duration jitter) {}

    Lane(String cluster, List<Pair> pairs, Settings settings) {
        this.cluster = cluster;
        this.pairs = List.copyOf(pairs);
        this.settings = settings;
    }

    String cluster() {
        return cluster;
    }

    List<Pair> pairs() {
        return pairs;
    }

    /** Completes when the lane's first reconcile round has ended, whatever it found. */
    CompletableFuture<Void> firstRound() {
        return firstRound;
    }

    /** Makes every pair due now (as a Git webhook does) and reconciles as soon as a thread is free. */
    synchronized void refresh() {
        long now = System.nanoTime();
        pairs.forEach(p -> p.dueAt(now));
        schedule(0);
    }

    /** No reconcile starts after this; one under way ends at its next API call. */
    synchronized void stop() {
        stopped = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    /** Closes the lane's client; call once the pool's threads have ended. */
    void closeClient() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private void run() {
        synchronized (this) {
            if (running || stopped) {
                return;
            }
            running = true;
            next = null; // this run: what it schedules at its end is the next one
        }
        try {
            reconcileDue();
        } finally {
            firstRound.complete(null);
            synchronized (this) {
                running = false;
                long now = System.nanoTime();
                pairs.stream().mapToLong(Pair::dueNanos).min().ifPresent(due -> schedule(due - now));
            }
        }
    }

    /** Must hold the lock. Keeps an earlier pending run; replaces a later one. */
    private void schedule(long delayNanos) {
        if (stopped) {
            return;
        }
        if (next != null && !next.isDone()) {
            if (next.getDelay(TimeUnit.NANOSECONDS) <= delayNanos) {
                return;
            }
            next.cancel(false);
        }
        next = settings.pool().schedule(this::run, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    private void reconcileDue() {
        long now = System.nanoTime();
        List<Pair> due = pairs.stream().filter(p -> p.dueNanos() <= now).toList();
        FabricContext ctx = settings.ctx();
        if (ctx.fleet().lost(settings.hub())) {
            // The controller runs on the hub: while it is lost nothing is reconciled and no status changes.
            due.forEach(p -> scheduleNext(p, now));
            return;
        }
        for (int i = 0; i < due.size(); i++) {
            Pair pair = due.get(i);
            scheduleNext(pair, now);
            List<Manifest> desired;
            int revision;
            try {
                revision = settings.repository().revision();
                desired = settings.repository().manifests(pair.source(), cluster);
            } catch (RuntimeException unrenderable) {
                pair.failed("cannot render the repository: " + reason(unrenderable), ctx);
                continue;
            }
            try {
                pair.reconcile(client(), desired, revision, ctx);
            } catch (RuntimeException e) {
                if (!unreachable(e)) {
                    pair.failed(reason(e), ctx);
                    continue;
                }
                if (stopped) {
                    return;
                }
                closeClient();
                String reason = reason(e);
                // One unreachable call stands for the whole spoke, as in a controller's cluster cache.
                due.subList(i, due.size()).forEach(p -> {
                    scheduleNext(p, now);
                    p.unreachable(reason, ctx);
                });
                return;
            }
        }
    }

    /** The source's own interval (Fleet's pollingInterval, no jitter), else the controller's. */
    private void scheduleNext(Pair pair, long now) {
        Optional<Duration> own = pair.source().interval();
        pair.scheduleNext(now, own.orElse(settings.interval()), own.isPresent() ? Duration.ZERO : settings.jitter());
    }

    /**
     * Whether a failed call means the cluster could not be reached (no answer, a broken connection):
     * only then is the spoke Unknown. An answer with an error status, or a request the client could
     * not build from a manifest, is a sync error of the pair.
     */
    private static boolean unreachable(RuntimeException e) {
        if (e instanceof KubernetesClientException answered && answered.getCode() >= 400) {
            return false;
        }
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private KubernetesClient client() {
        if (client == null) {
            client = settings.ctx().apiClient(settings.hub(), cluster);
        }
        return client;
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : e.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
