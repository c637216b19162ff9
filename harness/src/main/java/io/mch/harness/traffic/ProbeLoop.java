package io.mch.harness.traffic;

import io.mch.harness.runtime.RunClock;
import io.mch.reports.history.Event;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Constant-rate probes from one source to one target. Probe k is due at {@code k × interval}; it
 * is sent from a worker pool so a slow answer never delays the next probe, and its latency is
 * measured from the time it was due, which corrects for coordinated omission. The interval is wall
 * time; latencies are recorded in scenario time.
 */
final class ProbeLoop {

    /** One call; returns the cluster that served, or throws what went wrong. */
    interface Call {
        String call() throws Exception;
    }

    private final String source;
    private final String target;
    private final long intervalNanos;
    private final Call call;
    private final RunClock clock;
    private final Consumer<Event.Probe> sink;
    private final BooleanSupplier callerPresent;
    private final AtomicLong sequence = new AtomicLong();
    private long firstDueNanos;
    private ScheduledFuture<?> ticking;

    ProbeLoop(String source, String target, Duration interval, Call call, RunClock clock, Consumer<Event.Probe> sink) {
        this(source, target, interval, call, clock, sink, () -> true);
    }

    /**
     * {@code callerPresent} says whether the caller exists right now: a client inside a lost
     * cluster is gone with it, so its due probes are neither sent nor recorded.
     */
    ProbeLoop(String source, String target, Duration interval, Call call, RunClock clock, Consumer<Event.Probe> sink,
            BooleanSupplier callerPresent) {
        this.callerPresent = callerPresent;
        this.source = source;
        this.target = target;
        this.intervalNanos = interval.toNanos();
        this.call = call;
        this.clock = clock;
        this.sink = sink;
    }

    void start(ScheduledExecutorService ticker, ExecutorService workers) {
        firstDueNanos = System.nanoTime();
        ticking = ticker.scheduleAtFixedRate(
                () -> {
                    long due = firstDueNanos + sequence.getAndIncrement() * intervalNanos;
                    if (callerPresent.getAsBoolean()) {
                        workers.execute(() -> probe(due));
                    }
                },
                0,
                intervalNanos,
                TimeUnit.NANOSECONDS);
    }

    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    private void probe(long dueNanos) {
        String servedBy = null;
        String error = null;
        try {
            servedBy = call.call();
        } catch (Exception e) {
            error = describe(e);
        }
        double latencyMs = clock.scale().scenarioMs((System.nanoTime() - dueNanos) / 1e6);
        sink.accept(new Event.Probe(
                clock.toMs(dueNanos), source, target, servedBy, error == null, round(latencyMs), error));
    }

    /** How a failure reads in the history: the exception's type and message. */
    static String describe(Exception e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        return message == null ? type : type + ": " + message;
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
