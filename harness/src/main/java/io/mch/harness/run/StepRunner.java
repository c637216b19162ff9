package io.mch.harness.run;

import io.mch.harness.runtime.Threads;
import io.mch.harness.runtime.RunClock;
import io.mch.harness.config.Step;
import io.mch.harness.fabric.Fabric;
import io.mch.reports.history.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Carries out the scenario's steps on the run clock, each by the fabric part it belongs to. Unlike
 * faults, steps do not heal: a commit stays committed. A step no running part carries out (the
 * topology lacks that part) is an error of the run, as is a step that throws.
 */
final class StepRunner implements AutoCloseable {

    private final List<Fabric> parts;
    private final RunClock clock;
    private final Consumer<Event> history;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Threads.named("steps"));
    private final List<String> errors = new ArrayList<>();

    StepRunner(List<Fabric> parts, RunClock clock, Consumer<Event> history) {
        this.parts = List.copyOf(parts);
        this.clock = clock;
        this.history = history;
    }

    void schedule(List<Step.Scheduled> steps) {
        for (Step.Scheduled step : steps) {
            long delay = Math.max(0, clock.scale().wallMs(step.at().toMillis() - clock.ms()));
            timer.schedule(() -> perform(step), delay, TimeUnit.MILLISECONDS);
        }
    }

    private void perform(Step.Scheduled step) {
        String kind = step.step().kind();
        history.accept(new Event.StepStarted(clock.ms(), step.index(), kind, StepText.describe(step.step())));
        try {
            boolean done = false;
            for (Fabric part : parts) {
                done |= part.perform(step);
            }
            if (!done) {
                fail("steps[" + step.index() + "] (" + kind + "): no part of this topology's fabric carries it out");
            }
        } catch (RuntimeException e) {
            fail("steps[" + step.index() + "] (" + kind + ") failed: " + e.getMessage());
        }
    }

    private synchronized void fail(String error) {
        errors.add(error);
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
