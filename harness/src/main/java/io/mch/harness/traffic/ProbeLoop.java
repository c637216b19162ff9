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
import java.util.function.LongSupplier;

/**
 * Constant-rate probes from one source to one target. Probe k is due at {@code (phase + k) × interval}; it
 * is sent from a worker pool so a slow answer never delays the next probe, and its latency is
 * measured from the time it was due, which corrects for coordinated omission. The interval is wall
 * time; latencies are recorded in scenario time.
 *
 * <p>mch measures its own lag: a probe its worker picks up more than the send tolerance after it
 * was due is not sent but recorded as missed by mch ({@link Event.ProbeMissed}): neither the
 * system's latency nor its failure. A probe sent on time carries at most the tolerance of mch's
 * own delay in its latency. A call that itself took longer than the timeout (its connect and
 * reads each within it) failed.
 *
 * <p>No probe outlives the run: its timeout is capped by what remains until the run's end
 * ({@link Lag#timeoutNanos(long)}), and a probe not answered by the end, or picked up after it,
 * was cut by the end: neither recorded as the system's failure nor as its success.
 */
final class ProbeLoop {

    /** One call within {@code timeout}; returns the cluster that served, or throws what went wrong. */
    interface Call {
        String call(Duration timeout) throws Exception;
    }

    /**
     * How late mch may be and where its lag is recorded: {@code toleranceNanos} is how late after
     * its due time a probe may still be sent, {@code timeoutNanos} the probe's timeout (both wall),
     * {@code endNanos} the {@link System#nanoTime()} of the run's end, which no probe outlives.
     */
    record Lag(long toleranceNanos, long timeoutNanos, ProbeCounts counts, Consumer<Event.ProbeMissed> missed,
            LongSupplier endNanos) {

        /** The timeout of a probe sent at {@code sentNanos}: the probe's own, capped by what remains of the run. */
        long timeoutNanos(long sentNanos) {
            return Math.min(timeoutNanos, endNanos.getAsLong() - sentNanos);
        }
    }

    private final String source;
    private final String target;
    private final long intervalNanos;
    private final Call call;
    private final RunClock clock;
    private final Consumer<Event.Probe> sink;
    private final BooleanSupplier callerPresent;
    private final Lag lag;
    private final AtomicLong sequence = new AtomicLong();
    private long firstDueNanos;
    private ScheduledFuture<?> ticking;

    ProbeLoop(String source, String target, Duration interval, Call call, RunClock clock, Consumer<Event.Probe> sink,
            Lag lag) {
        this(source, target, interval, call, clock, sink, lag, () -> true);
    }

    /**
     * {@code callerPresent} says whether the caller exists right now: a client inside a lost
     * cluster is gone with it, so its due probes are neither sent nor recorded.
     */
    ProbeLoop(String source, String target, Duration interval, Call call, RunClock clock, Consumer<Event.Probe> sink,
            Lag lag, BooleanSupplier callerPresent) {
        this.callerPresent = callerPresent;
        this.lag = lag;
        this.source = source;
        this.target = target;
        this.intervalNanos = interval.toNanos();
        this.call = call;
        this.clock = clock;
        this.sink = sink;
    }

    /** Starts the loop; its first probe is due {@code phase} (0 to 1) of an interval from now. */
    void start(ScheduledExecutorService ticker, ExecutorService workers, double phase) {
        long offset = (long) (phase * intervalNanos);
        firstDueNanos = System.nanoTime() + offset;
        ticking = ticker.scheduleAtFixedRate(
                () -> {
                    long due = firstDueNanos + sequence.getAndIncrement() * intervalNanos;
                    if (callerPresent.getAsBoolean()) {
                        lag.counts().scheduled();
                        workers.execute(() -> probe(due));
                    }
                },
                offset,
                intervalNanos,
                TimeUnit.NANOSECONDS);
    }

    String source() {
        return source;
    }

    String target() {
        return target;
    }

    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    private void probe(long dueNanos) {
        long sentNanos = System.nanoTime();
        if (sentNanos - dueNanos > lag.toleranceNanos()) {
            missed(dueNanos, sentNanos - dueNanos);
            return;
        }
        long timeoutNanos = lag.timeoutNanos(sentNanos);
        if (timeoutNanos <= 0) {
            return; // due before the end, picked up after it: cut by the end
        }
        String servedBy = null;
        String error = null;
        try {
            servedBy = call.call(Duration.ofNanos(timeoutNanos));
        } catch (Exception e) {
            error = describe(e);
        }
        long answeredNanos = System.nanoTime();
        if (answeredNanos - lag.endNanos().getAsLong() >= 0) {
            return; // not answered by the end: cut by it
        }
        if (error == null && answeredNanos - sentNanos > timeoutNanos) {
            // The client's connect and reads each stayed within the timeout, the whole call did not.
            error = "answered after its timeout (" + round((answeredNanos - sentNanos) / 1e6) + " ms wall)";
        }
        if (lag.counts().sent()) {
            double latencyMs = clock.scale().scenarioMs((answeredNanos - dueNanos) / 1e6);
            sink.accept(new Event.Probe(
                    clock.toMs(dueNanos), source, target, servedBy, error == null, round(latencyMs), error));
        }
    }

    private void missed(long dueNanos, long lagNanos) {
        if (lag.counts().missed(lagNanos)) {
            lag.missed().accept(new Event.ProbeMissed(clock.toMs(dueNanos), source, target,
                    round(clock.scale().scenarioMs(lagNanos / 1e6))));
        }
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
