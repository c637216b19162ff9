package io.mch.harness.backend.support;

/**
 * Closing what a cluster is made of (servers, proxies, clients, containers): every part is closed
 * even when an earlier one fails, and the failures leave together, so a failed close never leaves
 * the rest running.
 */
public final class Parts {

    private Parts() {}

    /** Closes every part in order; throws one exception naming {@code owner} with every failure. */
    public static void closeAll(String owner, AutoCloseable... parts) {
        RuntimeException failure = new IllegalStateException(owner + ": close failed");
        for (AutoCloseable part : parts) {
            closeQuietly(part, failure);
        }
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    /** Closes {@code part} (if any), adding a failure to {@code cause} instead of throwing it. */
    public static void closeQuietly(AutoCloseable part, Exception cause) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
