package io.mch.faults.proxy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts the named daemon threads of one proxy and remembers the live ones, so that closing the
 * proxy can wait until none is left rather than hoping they are gone.
 */
final class DaemonThreads {

    private final String prefix;
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();

    DaemonThreads(String prefix) {
        this.prefix = prefix;
    }

    Thread start(String suffix, Runnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } finally {
                live.remove(Thread.currentThread());
            }
        }, prefix + suffix);
        thread.setDaemon(true);
        live.add(thread);
        thread.start();
        return thread;
    }

    /** Waits (at most {@code max} in total) for every thread started here to end. */
    void awaitAll(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        for (Thread thread : List.copyOf(live)) {
            long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (left <= 0) {
                return;
            }
            try {
                thread.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
