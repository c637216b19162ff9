package io.mch.harness.runtime;

import io.mch.reports.history.Event;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What every layer of a run shares, handed down from the orchestration instead of being restated
 * as parameters: the clock (which owns the time scale), where events go, the run's random seed,
 * the console and the run directory. Lower layers (backend, network, fabric, traffic, measure,
 * load) take this and never import the orchestration package; see docs/architecture.md.
 *
 * @param clock scenario time and its scale; may still be unstarted while the fleet comes up
 * @param history where events go (thread-safe)
 * @param seed the run's random seed ({@code --seed}): every random choice of the run derives from it
 * @param runDir the run directory, for files a part writes
 */
public record RunContext(RunClock clock, Consumer<Event> history, long seed, Console console, Path runDir) {

    /**
     * A context outside any scenario run, for benchmarks and tests that bring up a fleet by itself:
     * its clock starts now at {@code scale}, its events go nowhere, it prints nothing, seed 0.
     */
    public static RunContext detached(TimeScale scale, Path dir) {
        return new RunContext(RunClock.startingNow(scale), e -> {}, 0, Console.silent(), dir);
    }

    public TimeScale scale() {
        return clock.scale();
    }

    /** Prints a progress line. */
    public void progress(String line) {
        console.progress(line);
    }

    /** The same run with events also seen by {@code observer} (after the history has them). */
    public RunContext observed(Consumer<Event> observer) {
        return new RunContext(clock, history.andThen(observer), seed, console, runDir);
    }
}
