package io.mch.harness.explore;

import io.mch.faults.spec.ScheduledFault;
import io.mch.harness.backend.Backend;
import io.mch.harness.config.Scenario;
import io.mch.harness.runtime.Console;
import io.mch.harness.run.RunOutcome;
import io.mch.harness.run.ScenarioRun;
import io.mch.harness.runtime.TimeScale;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs one fault schedule as a full scenario run (its own fleet, history, verdicts and report in
 * its own folder) and keeps the totals a search reports. Every try of a search and every step of
 * a shrink goes through here, so each one can be opened afterwards like any other run.
 */
public final class Trials {

    private final Scenario scenario;
    private final Backend backend;
    private final TimeScale scale;
    private final long runSeed;
    private final Path dir;
    private int runs;
    private int faultsInjected;
    private long scenarioMs;

    /** One schedule's run, and which SLOs it broke. */
    public record Trial(List<ScheduledFault> schedule, RunOutcome outcome) {

        /** Names of the SLOs that FAILed (UNKNOWN is not a breach: it decides nothing). */
        public List<String> failedSlos() {
            return outcome.record().slos().stream()
                    .filter(s -> s.verdict() == Verdict.FAIL)
                    .map(SloResult::name)
                    .toList();
        }

        public boolean breaks(String slo) {
            return outcome.failure().isEmpty() && failedSlos().contains(slo);
        }

        /** The first SLO this run broke, if it ran cleanly and broke one. */
        public Optional<String> breach() {
            return outcome.failure().isPresent() ? Optional.empty() : failedSlos().stream().findFirst();
        }

        public Optional<SloResult> result(String slo) {
            return outcome.record().slos().stream().filter(s -> s.name().equals(slo)).findFirst();
        }
    }

    /**
     * @param backend what every trial runs on (each run compresses its timers by {@code scale})
     * @param runSeed the seed of every run, so a schedule's outcome depends on the schedule alone
     * @param dir each run gets a folder here, named by its label
     */
    public Trials(Scenario scenario, Backend backend, TimeScale scale, long runSeed, Path dir) {
        this.scenario = scenario;
        this.backend = backend;
        this.scale = scale;
        this.runSeed = runSeed;
        this.dir = dir;
    }

    public Scenario scenario() {
        return scenario;
    }

    public TimeScale scale() {
        return scale;
    }

    /** Runs the scenario with {@code schedule} in place of its own faults, in {@code dir/label}. */
    public Trial run(String label, List<ScheduledFault> schedule) throws IOException {
        return run(label, withFaults(scenario, schedule));
    }

    /** Runs a whole scenario (a written finding being confirmed) in {@code dir/label}. */
    public Trial run(String label, Scenario toRun) throws IOException {
        RunOutcome outcome = new ScenarioRun(toRun, backend, runSeed, dir.resolve(label), Console.silent(), scale)
                .execute();
        synchronized (this) {
            runs++;
            faultsInjected += outcome.record().faults().size();
            scenarioMs += outcome.record().durationMs();
        }
        return new Trial(toRun.faults(), outcome);
    }

    public synchronized int runs() {
        return runs;
    }

    public synchronized int faultsInjected() {
        return faultsInjected;
    }

    /** Scenario time run so far, over all runs. */
    public synchronized long scenarioMs() {
        return scenarioMs;
    }

    static Scenario withFaults(Scenario s, List<ScheduledFault> faults) {
        return new Scenario(s.file(), s.name(), s.description(), s.topology(), s.duration(), s.seed(), s.traffic(),
                faults, s.slo(), s.load(), s.steps());
    }
}
