package io.mch.harness.run;

import io.mch.harness.runtime.Threads;
import io.mch.harness.runtime.RunClock;
import io.mch.faults.Heal;
import io.mch.faults.Nemesis;
import io.mch.faults.spec.FaultSpec;
import io.mch.faults.spec.ScheduledFault;
import io.mch.harness.fault.registry.FaultTypes;
import io.mch.reports.history.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Injects the scenario's faults on the run clock (in wall time when compressed) and heals each at its end. Whatever is still
 * active is healed by {@link #healAll()}, which the runner calls at scenario end, on an exception
 * and on a signal, so no fault outlives its run.
 */
public final class FaultRunner implements AutoCloseable {

    private final Nemesis nemesis;
    private final RunClock clock;
    private final Consumer<Event> history;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Threads.named("faults"));
    private final Map<Integer, Active> active = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private boolean closed;

    private record Active(String type, Heal heal) {}

    public FaultRunner(Nemesis nemesis, RunClock clock, Consumer<Event> history) {
        this.nemesis = nemesis;
        this.clock = clock;
        this.history = history;
    }

    /** Schedules every fault relative to the run clock's zero. */
    public void schedule(List<ScheduledFault> faults, Duration scenarioLength) {
        for (ScheduledFault f : faults) {
            long startMs = f.at().toMillis();
            long endMs = f.end(scenarioLength).toMillis();
            timer.schedule(() -> inject(f), wallDelayMs(startMs), TimeUnit.MILLISECONDS);
            if (f.duration().isPresent() && endMs < scenarioLength.toMillis()) {
                timer.schedule(() -> heal(f.index()), wallDelayMs(endMs), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** A fault as injected: a latency fault's delay in wall time; other faults have no duration. */
    private FaultSpec wall(FaultSpec spec) {
        return FaultTypes.BUILT_IN.of(spec).wall(clock.scale());
    }

    private long wallDelayMs(long scenarioMs) {
        return Math.max(0, clock.scale().wallMs(scenarioMs - clock.ms()));
    }

    /** Faults active now, by index. */
    public synchronized List<Integer> activeFaults() {
        return List.copyOf(active.keySet());
    }

    /** Injection or heal errors; a fault that could not be injected makes the harness fail. */
    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    private void inject(ScheduledFault fault) {
        FaultSpec spec = fault.spec();
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                active.put(fault.index(), new Active(spec.type(), nemesis.inject(wall(spec))));
                FaultText.Sides sides = FaultText.sides(spec);
                history.accept(new Event.FaultStarted(clock.ms(), fault.index(), spec.type(), FaultText.describe(spec),
                        sides.between(), sides.and()));
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

    /** Stops scheduling and heals every active fault, newest first. */
    public synchronized void healAll() {
        closed = true;
        timer.shutdownNow();
        List<Integer> indices = new ArrayList<>(active.keySet());
        java.util.Collections.reverse(indices);
        indices.forEach(this::heal);
    }

    @Override
    public void close() {
        healAll();
    }
}
