package io.mch.harness.fabric.sync;

import io.mch.harness.fabric.FabricContext;
import io.mch.harness.runtime.Threads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Times a step from the harness's side: polls, with each cluster's direct client, until the step
 * has taken full effect, then records a {@code Measured} event. Polling the fleet directly keeps
 * the figure honest: the controller's own view crosses the network at its reconcile interval, and
 * would measure when the controller noticed, not when the clusters had it.
 */
final class Measurements implements AutoCloseable {

    /** The wall interval of the observations, which is the resolution of every figure. */
    static final Duration POLL = Duration.ofMillis(100);

    private record Open(String name, String subject, long startMs, String detail, BooleanSupplier done) {}

    private final FabricContext ctx;
    private final List<Open> open = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller;

    Measurements(FabricContext ctx) {
        this.ctx = ctx;
        this.poller = Executors.newSingleThreadScheduledExecutor(Threads.named("sync-measure"));
        poller.scheduleWithFixedDelay(this::poll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Measures {@code name} of {@code subject} from {@code startMs} (scenario time) until
     * {@code done} holds; {@code done} failing (a cluster that cannot be read) counts as not yet.
     */
    void start(String name, String subject, long startMs, String detail, BooleanSupplier done) {
        open.add(new Open(name, subject, startMs, detail, done));
    }

    private void poll() {
        for (Open o : open) {
            if (holds(o.done())) {
                open.remove(o);
                ctx.measured(o.name(), o.subject(), ctx.clock().ms() - o.startMs(), POLL, o.detail());
            }
        }
    }

    private static boolean holds(BooleanSupplier done) {
        try {
            return done.getAsBoolean();
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** Stops polling; a measurement still open is noted as never completed, which it did not. */
    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Open o : open) {
            ctx.note("sync", null, o.name() + " of " + o.subject() + " had not taken full effect "
                    + (ctx.clock().ms() - o.startMs()) + " ms after the step, when the run ended (" + o.detail() + ")");
        }
        open.clear();
    }
}
