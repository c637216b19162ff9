package io.mch.harness.runtime;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads named {@code mch-<role>-N}, so a leak check can find anything left running. */
public final class Threads {

    private Threads() {}

    /**
     * Interrupts {@code threads} and waits up to {@code within} for them to end, so that what they
     * were doing is over when a part's close returns.
     */
    public static void stop(ExecutorService threads, Duration within) {
        threads.shutdownNow();
        try {
            threads.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static ThreadFactory named(String role) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "mch-" + role + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
