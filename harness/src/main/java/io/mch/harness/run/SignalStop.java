package io.mch.harness.run;

import io.mch.harness.runtime.Console;
import java.io.IOException;
import java.time.Duration;

/**
 * What SIGINT or SIGTERM does to a run, in bounded time whatever the run is doing. The JVM runs
 * this as a shutdown hook, which asks the run to end ({@link ScenarioRun#abort}): it heals, judges
 * and writes its files as at its end. What could keep that from finishing — a heal or an injection
 * that hangs, a call that never answers, a heap used up — is not waited for past {@link #ORDERLY}:
 * the hook then writes {@code run.json} and the report from the history so far, the end reason
 * saying so ({@link ScenarioRun#writeUnfinished}). At {@link #HARD} after the signal the process
 * halts (exit {@value #HALTED}) whatever still runs, another shutdown hook included, having written
 * what it could. The threads are made when the hook is installed, so a full heap cannot keep the
 * stop from starting.
 */
public final class SignalStop implements AutoCloseable {

    /** How long the run's own end may take after the signal. */
    public static final Duration ORDERLY = Duration.ofSeconds(15);
    /** When the process halts after the signal, whatever is still running. */
    public static final Duration HARD = Duration.ofSeconds(30);
    /** The exit code of a process halted at {@link #HARD}: the harness did not stop in order. */
    public static final int HALTED = 3;

    private final Thread hook;

    private SignalStop(Thread hook) {
        this.hook = hook;
    }

    /** Installs the stop for {@code run}; {@link #close()} removes it once the run has ended by itself. */
    public static SignalStop install(ScenarioRun run, Console console) {
        String unfinished = "interrupted; the run did not end within " + ORDERLY.toSeconds()
                + " s of the signal, so its files were written from the history so far";
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(HARD.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            console.progress("still not stopped " + HARD.toSeconds() + " s after the signal: halting");
            Runtime.getRuntime().halt(HALTED);
        }, "mch-halt");
        halt.setDaemon(true);
        Thread hook = new Thread(() -> {
            halt.start();
            run.abort();
            try {
                if (!run.awaitFinished(ORDERLY) && !run.writeUnfinished(unfinished)) {
                    run.awaitFinished(HARD.minus(ORDERLY)); // its own end is writing the files
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException | Error e) {
                console.progress("could not write the run's files: " + e);
            }
        }, "mch-signal");
        Runtime.getRuntime().addShutdownHook(hook);
        return new SignalStop(hook);
    }

    /** Removes the hook: the run ended by itself (during a signal, the hook is what ends it). */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException signalled) {
            // The JVM is already shutting down on a signal; the hook is what lets this run finish.
        }
    }
}
