package io.mch.harness.backend.embedded;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vert.x's blocked-thread warnings, counted instead of printed. Each embedded API server (fabric8's
 * mock server) runs its own Vert.x instance with Vert.x's default checker (an event loop busy for
 * more than 2 s), which the mock server gives no way to configure; on a loaded machine, with tens
 * of clusters, each stall printed a warning and a stack trace per instance and buried the run's
 * console. A stall says the machine was short of CPU — what the probes' own lag already measures
 * and reports (docs/slos.md) — so the warnings are counted here and a fleet says once, when it
 * closes, how many came and the longest block.
 */
final class BlockedThreads extends Handler {

    /** Vert.x 4's checker logs under its class name through java.util.logging (slf4j-nop is bound). */
    static final String LOGGER = "io.vertx.core.impl.BlockedThreadChecker";

    private static final Pattern BLOCKED_FOR = Pattern.compile("blocked for (\\d+) ms");

    /** Held strongly: java.util.logging forgets the handlers of a logger that is garbage collected. */
    private static final Logger CHECKER = Logger.getLogger(LOGGER);

    static final BlockedThreads INSTANCE = new BlockedThreads();

    static {
        CHECKER.setUseParentHandlers(false);
        CHECKER.addHandler(INSTANCE);
    }

    private final AtomicLong warnings = new AtomicLong();
    private final AtomicLong longestMs = new AtomicLong();

    private BlockedThreads() {}

    /** What has been counted so far in this process. */
    record Count(long warnings, long longestMs) {}

    Count count() {
        return new Count(warnings.get(), longestMs.get());
    }

    /**
     * The line a fleet prints when warnings came after {@code before} (counted for the whole
     * process: lanes running at once share it), or null when none came.
     */
    String since(Count before) {
        long more = warnings.get() - before.warnings();
        if (more == 0) {
            return null;
        }
        return "Vert.x reported " + more + " blocked event-loop thread(s) while the fleet ran (longest "
                + longestMs.get() + " ms in this process): the machine was short of CPU; the probes' lag"
                + " says whether the run kept its rate";
    }

    @Override
    public void publish(LogRecord record) {
        warnings.incrementAndGet();
        Matcher m = BLOCKED_FOR.matcher(String.valueOf(record.getMessage()));
        if (m.find()) {
            long ms = Long.parseLong(m.group(1));
            longestMs.accumulateAndGet(ms, Math::max);
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
