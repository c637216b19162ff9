package io.mch.harness.run;

import io.mch.faults.Heal;
import io.mch.faults.Nemesis;
import io.mch.faults.spec.FaultSpec;
import io.mch.faults.spec.ScheduledFault;
import io.mch.harness.config.Step;
import io.mch.harness.fabric.Fabric;
import io.mch.harness.fault.Fault;
import io.mch.harness.fault.Sides;
import io.mch.harness.fault.registry.FaultTypes;
import io.mch.harness.runtime.RunClock;
import io.mch.harness.runtime.Threads;
import io.mch.reports.history.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Carries out the scenario's schedule on the run clock (in wall time when compressed), on one
 * timer: faults are injected at their start and healed at their end; steps are carried out by the
 * fabric part they belong to and do not heal (a commit stays committed). Whatever fault is still
 * active is healed by {@link #healAll()}, which the runner calls at scenario end, on an exception
 * and on a signal, so no fault outlives its run.
 *
 * <p>Every entry is accounted for: a step is recorded as started and then done or failed, a fault
 * that could not be injected or healed is an error, and an entry that was due before the run ended
 * but never ran (its action died, or the timer was stuck) is an error too. Any error fails the run
 * as a harness failure, so a run whose schedule did not execute is never judged as if it had.
 */
public final class ScheduleRunner implements AutoCloseable {

    /** How long the end of the run waits for entries already due to finish before it calls them lost. */
    private static final Duration DUE_GRACE = Duration.ofSeconds(10);

    private final Nemesis nemesis;
    private final List<Fabric> parts;
    private final RunClock clock;
    private final Consumer<Event> history;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Threads.named("schedule"));
    private final Map<Integer, Active> active = new LinkedHashMap<>();
    /** Entries not yet run, by name ({@code faults[0]}, {@code steps[2]}), with when they are due. */
    private final Map<String, Long> pending = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private boolean closed;

    private record Active(String type, Heal heal) {}

    /** {@code parts} carry out the steps; {@code nemesis} injects the faults. */
    public ScheduleRunner(Nemesis nemesis, List<Fabric> parts, RunClock clock, Consumer<Event> history) {
        this.nemesis = nemesis;
        this.parts = List.copyOf(parts);
        this.clock = clock;
        this.history = history;
    }

    /** Schedules every fault and step relative to the run clock's zero. */
    public void schedule(List<ScheduledFault> faults, List<Step.Scheduled> steps, Duration scenarioLength) {
        for (ScheduledFault f : faults) {
            at("faults[" + f.index() + "] (" + f.spec().type() + ")", f.at().toMillis(), () -> inject(f, scenarioLength));
        }
        for (Step.Scheduled step : steps) {
            at("steps[" + step.index() + "] (" + step.step().kind() + ")", step.at().toMillis(), () -> perform(step));
        }
    }

    private synchronized void at(String name, long scenarioMs, Runnable action) {
        if (timer.isShutdown()) {
            return; // the schedule has ended: healAll heals what is still active
        }
        pending.put(name, scenarioMs);
        long delay = Math.max(0, clock.scale().wallMs(scenarioMs - clock.ms()));
        timer.schedule(() -> {
            synchronized (this) {
                pending.remove(name);
            }
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                fail(name + " failed: " + describe(e));
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Faults active now, by index. */
    public synchronized List<Integer> activeFaults() {
        return List.copyOf(active.keySet());
    }

    /** Injection, heal and step errors, and entries that never ran; any of them fails the run. */
    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    /**
     * Injects {@code fault} and schedules its heal {@code for:} after the moment it took effect, so a
     * late injection (a loaded machine) never shortens the window the scenario asked for.
     */
    private void inject(ScheduledFault fault, Duration scenarioLength) {
        FaultSpec spec = fault.spec();
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                Fault<?> type = FaultTypes.BUILT_IN.of(spec);
                long startedMs = clock.ms();
                active.put(fault.index(), new Active(spec.type(), nemesis.inject(type.wall(clock.scale()))));
                Sides sides = type.sides();
                history.accept(new Event.FaultStarted(startedMs, fault.index(), spec.type(), type.describe(),
                        sides.between(), sides.and()));
                fault.duration().map(d -> startedMs + d.toMillis())
                        .filter(endMs -> endMs < scenarioLength.toMillis())
                        .ifPresent(endMs -> at("faults[" + fault.index() + "] (" + spec.type() + ") heal", endMs,
                                () -> heal(fault.index())));
            } catch (RuntimeException e) {
                errors.add("faults[" + fault.index() + "] (" + spec.type() + ") could not be injected: " + e.getMessage());
            }
        }
    }

    private synchronized void heal(int index) {
        Active fault = active.remove(index);
        if (fault == null) {
            return;
        }
        try {
            fault.heal().heal();
        } catch (RuntimeException e) {
            errors.add("faults[" + index + "] could not be healed: " + e.getMessage());
        }
        history.accept(new Event.FaultHealed(clock.ms(), index, fault.type()));
    }

    private void perform(Step.Scheduled step) {
        String kind = step.step().kind();
        history.accept(new Event.StepStarted(clock.ms(), step.index(), kind, StepText.describe(step.step())));
        String failure = null;
        try {
            boolean done = false;
            for (Fabric part : parts) {
                done |= part.perform(step);
            }
            if (!done) {
                failure = "no part of this topology's fabric carries it out";
            }
        } catch (RuntimeException | Error e) {
            failure = "failed: " + describe(e);
        }
        history.accept(new Event.StepEnded(clock.ms(), step.index(), kind, failure == null,
                failure == null ? "" : failure));
        if (failure != null) {
            fail("steps[" + step.index() + "] (" + kind + "): " + failure);
        }
    }

    private synchronized void fail(String error) {
        errors.add(error);
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    }

    /**
     * Ends the schedule: lets the entries already due finish (up to 10 s),
     * drops those the run ended before, records as errors those that were due and never ran, then
     * heals every active fault, newest first.
     */
    public void healAll() {
        long endMs = clock.ms();
        awaitDue();
        List<Integer> indices;
        synchronized (this) {
            timer.shutdownNow();
            closed = true;
            pending.forEach((name, dueMs) -> {
                if (dueMs <= endMs) {
                    errors.add(name + " was due at " + dueMs / 1000.0 + " s and never ran");
                }
            });
            pending.clear();
            indices = new ArrayList<>(active.keySet());
        }
        Collections.reverse(indices);
        indices.forEach(this::heal);
    }

    /** Waits for a no-op queued behind every entry already due, so they have run when it returns. */
    private void awaitDue() {
        if (timer.isShutdown()) {
            return;
        }
        Future<?> barrier = timer.submit(() -> {});
        try {
            barrier.get(DUE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            fail("the schedule's timer did not finish the entries already due within " + DUE_GRACE.toSeconds() + " s");
        }
    }

    @Override
    public void close() {
        healAll();
    }
}
