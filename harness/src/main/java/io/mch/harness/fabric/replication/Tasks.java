package io.mch.harness.fabric.replication;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Periodic and retried work of the replication controllers. A periodic task that throws would
 * silently end its schedule, so every task here reports its error and keeps its place.
 */
final class Tasks {

    private Tasks() {}

    static Runnable guarded(Runnable task, Consumer<RuntimeException> onError) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                onError.accept(e);
            }
        };
    }

    /**
     * Runs {@code task} now and then every {@code period} (at a fixed rate, as a controller's resync
     * period: a round that overruns delays the next, never overlaps it).
     */
    static void every(ScheduledExecutorService executor, Duration period, Runnable task,
            Consumer<RuntimeException> onError) {
        long ms = Math.max(1, period.toMillis());
        executor.scheduleAtFixedRate(guarded(task, onError), 0, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code attempt} now and again {@code delay} after each failure, until it succeeds or
     * the executor shuts down (the end of the run).
     */
    static void retry(ScheduledExecutorService executor, Duration delay, BooleanSupplier attempt,
            Consumer<RuntimeException> onError) {
        schedule(executor, 0, delay, attempt, onError);
    }

    private static void schedule(ScheduledExecutorService executor, long delayMs, Duration delay,
            BooleanSupplier attempt, Consumer<RuntimeException> onError) {
        try {
            executor.schedule(() -> {
                boolean done;
                try {
                    done = attempt.getAsBoolean();
                } catch (RuntimeException e) {
                    onError.accept(e);
                    done = false;
                }
                if (!done) {
                    schedule(executor, Math.max(1, delay.toMillis()), delay, attempt, onError);
                }
            }, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // The run is over: nothing is left to retry for.
        }
    }
}
