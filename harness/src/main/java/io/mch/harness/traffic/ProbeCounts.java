package io.mch.harness.traffic;

import io.mch.reports.history.Event;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * The account of one traffic's probe schedule: every probe that fell due is sent, missed by mch
 * (it could not send it on time) or cut by the end. Once {@link #close closed}, nothing more is
 * recorded: a probe still in flight then is counted as cut, not added after the account.
 */
final class ProbeCounts {

    private final AtomicLong scheduled = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong missed = new AtomicLong();
    private final LongAccumulator worstLagNanos = new LongAccumulator(Math::max, 0);
    private final AtomicBoolean closed = new AtomicBoolean();

    void scheduled() {
        scheduled.incrementAndGet();
    }

    /** Whether the probe may still be recorded as sent; counts it if so. */
    boolean sent() {
        if (closed.get()) {
            return false;
        }
        sent.incrementAndGet();
        return true;
    }

    /** Whether the missed probe may still be recorded; counts it and its lag if so. */
    boolean missed(long lagNanos) {
        if (closed.get()) {
            return false;
        }
        missed.incrementAndGet();
        worstLagNanos.accumulate(lagNanos);
        return true;
    }

    /** Stops the counting and returns the account; whatever is not sent or missed by now was cut. */
    Event.ProbeAccount close(long tMs, double toleranceMs, double scenarioMsPerWallMs) {
        closed.set(true);
        long due = scheduled.get();
        long s = sent.get();
        long m = missed.get();
        return new Event.ProbeAccount(tMs, due, s, m, Math.max(0, due - s - m), toleranceMs,
                Math.round(worstLagNanos.get() / 1e6 * scenarioMsPerWallMs * 1000) / 1000.0);
    }
}
