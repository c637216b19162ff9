package io.mch.faults;

/**
 * Undoes one injected fault. Every injector returns one, so that a fault can always be healed: at
 * its end, at scenario end, on an exception or on a signal. Healing twice is harmless.
 */
@FunctionalInterface
public interface Heal extends AutoCloseable {

    void heal();

    @Override
    default void close() {
        heal();
    }

    /** A heal that runs {@code action} at most once, whoever calls it first. */
    static Heal once(Runnable action) {
        var done = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        };
    }
}
