package io.mch.harness.explore;

import io.mch.faults.spec.ScheduledFault;
import io.mch.harness.backend.Backend;
import io.mch.harness.config.Scenario;
import io.mch.harness.runtime.Console;
import io.mch.harness.run.RunOutcome;
import io.mch.harness.run.ScenarioRun;
import io.mch.harness.runtime.Threads;
import io.mch.harness.runtime.TimeScale;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Optional;

/**
 * Runs fault schedules as full scenario runs (each with its own fleet, history, verdicts and report
 * in its own folder) and keeps the totals a search reports. Every try of a search and every step of
 * a shrink goes through here, so each one can be opened afterwards like any other run.
 *
 * <p>Up to {@code lanes} runs go at once, each with a fleet of its own: every embedded cluster
 * listens on its own ephemeral ports, so fleets do not meet. A warm fleet is never reused between
 * runs: its API servers' stores (resource versions, events), the simulator's leases and seeded pod
 * names and the fabric's controllers would carry one run into the next, and a run would then not be
 * the run its seed and schedule replay (docs/explore.md gives the measured cost of a fresh fleet).
 */
public final class Trials implements AutoCloseable {

    private final Scenario scenario;
    private final Backend backend;
    private final TimeScale scale;
    private final long runSeed;
    private final Path dir;
    private final Lanes lanes;
    private final ExecutorService pool;
    private int runs;
    private int undecided;
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

        /**
         * Whether this run's verdicts say anything: it ran cleanly and mch kept its probe rate. A run
         * that could not keep it (a machine too busy for the time scale) measured mch's own stalls:
         * its probes time out and its faults start late, so a breach there is not the system's.
         */
        public boolean decisive() {
            RunRecord.ProbeSchedule probes = outcome.record().probes();
            return outcome.failure().isEmpty() && (probes == null || probes.rateKept());
        }

        public boolean breaks(String slo) {
            return decisive() && failedSlos().contains(slo);
        }

        /**
         * Whether this run held {@code slo}: it was decisive and the SLO PASSed. An UNKNOWN verdict
         * (too few probes, a schedule that did not execute) says nothing either way.
         */
        public boolean holds(String slo) {
            return decisive() && result(slo).map(s -> s.verdict() == Verdict.PASS).orElse(false);
        }

        /** The first SLO this run broke, if it was decisive and broke one. */
        public Optional<String> breach() {
            return decisive() ? failedSlos().stream().findFirst() : Optional.empty();
        }

        /** How the run ended, for the console and the summary page. */
        public String result() {
            if (outcome.failure().isPresent()) {
                return "harness failed: " + outcome.failure().get();
            }
            if (!decisive()) {
                return "decides nothing: mch could not keep its probe rate (" + outcome.record().probes().missedByMch()
                        + " of " + outcome.record().probes().scheduled() + " probes late)";
            }
            List<String> unknown = outcome.record().slos().stream()
                    .filter(s -> s.verdict() == Verdict.UNKNOWN).map(SloResult::name).toList();
            return breach().map(s -> "BROKE " + s).orElse(unknown.isEmpty() ? "all SLOs held"
                    : "no SLO broke; UNKNOWN (decides nothing about it): " + String.join(", ", unknown));
        }

        public Optional<SloResult> result(String slo) {
            return outcome.record().slos().stream().filter(s -> s.name().equals(slo)).findFirst();
        }
    }

    /** A run to make: the folder it goes in (its label) and the scenario it runs. */
    public record Job(String label, Scenario scenario) {}

    /**
     * A schedule's runs counted against a {@link Vote}: in run order, how many broke and how many
     * held (runs that decide nothing, or whose verdict on the SLO is UNKNOWN, count as neither), and whether it counts as breaking.
     */
    public record Tally(List<Trial> trials, int breaks, int holds, boolean breaking) {

        public List<String> labels() {
            return trials.stream().map(t -> t.outcome().dir().getFileName().toString()).toList();
        }

        /** {@code broke in 2 of 3 runs}, and how many decided nothing. */
        public String text() {
            int idle = trials.size() - breaks - holds;
            return "broke in " + breaks + " of " + (breaks + holds) + " run(s)"
                    + (idle == 0 ? "" : "; " + idle + " more decided nothing (probe rate not kept, or the SLO UNKNOWN)");
        }
    }

    /** One run at a time. */
    public Trials(Scenario scenario, Backend backend, TimeScale scale, long runSeed, Path dir) {
        this(scenario, backend, scale, runSeed, dir, 1);
    }

    /**
     * @param backend what every trial runs on (each run compresses its timers by {@code scale})
     * @param runSeed the seed of every run, so a schedule's outcome depends on the schedule alone
     * @param dir each run gets a folder here, named by its label
     * @param lanes how many runs go at once
     */
    public Trials(Scenario scenario, Backend backend, TimeScale scale, long runSeed, Path dir, int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be at least 1, not " + lanes);
        }
        this.scenario = scenario;
        this.backend = backend;
        this.scale = scale;
        this.runSeed = runSeed;
        this.dir = dir;
        this.lanes = new Lanes(lanes);
        this.pool = Executors.newFixedThreadPool(lanes, Threads.named("lane"));
    }

    /** Begins with one lane open, the others opening as runs keep their probe rate ({@link Lanes#slowStart()}). */
    public Trials slowStart() {
        lanes.slowStart();
        return this;
    }

    /** Lanes open now: fewer than asked for while runs could not keep their probe rate ({@link Lanes}). */
    public int lanes() {
        return lanes.open();
    }

    /** The fewest lanes open after a run decided nothing (the lanes asked for if none ever closed). */
    public int fewestLanes() {
        return lanes.fewest();
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

    /** Runs the jobs, up to {@link #lanes()} at once; the trials in the jobs' order. */
    public List<Trial> runAll(List<Job> jobs) throws IOException {
        List<Future<Trial>> running = new ArrayList<>();
        for (Job job : jobs) {
            running.add(pool.submit(() -> run(job.label(), job.scenario())));
        }
        List<Trial> done = new ArrayList<>();
        try {
            for (Future<Trial> future : running) {
                done.add(future.get());
            }
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while trials ran");
        } catch (ExecutionException e) {
            running.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("a trial failed", e.getCause());
        }
        return done;
    }

    /**
     * Runs {@code candidate} until {@code vote} is decided about {@code slo}, counting the runs
     * already made of it ({@code first}): the runs go in waves of up to {@link #lanes}. Runs that
     * decide nothing are made again, up to {@code 2n} runs in all; a vote still open then does not
     * count as breaking. Run {@code i} (from 1) goes in {@code label} or {@code label-i}.
     */
    public Tally vote(String label, Scenario candidate, String slo, Vote vote, List<Trial> first) throws IOException {
        List<Trial> trials = new ArrayList<>(first);
        int breaks = (int) trials.stream().filter(t -> t.breaks(slo)).count();
        int holds = (int) trials.stream().filter(t -> t.holds(slo)).count();
        while (!vote.decided(breaks, holds) && trials.size() < 2 * vote.n()) {
            int wave = Math.min(2 * vote.n() - trials.size(),
                    Math.max(vote.fewestToDecide(breaks, holds), Math.min(lanes(), vote.n() - breaks - holds)));
            List<Job> jobs = new ArrayList<>();
            for (int i = 0; i < wave; i++) {
                int number = trials.size() + i + 1;
                jobs.add(new Job(number == 1 ? label : label + "-" + number, candidate));
            }
            for (Trial trial : runAll(jobs)) {
                trials.add(trial);
                breaks += trial.breaks(slo) ? 1 : 0;
                holds += trial.holds(slo) ? 1 : 0;
            }
        }
        return new Tally(List.copyOf(trials), breaks, holds, breaks >= vote.k());
    }

    /** Stops the lanes, waiting for a run they interrupt to heal and stop its fleet; runs made are kept. */
    @Override
    public void close() {
        Threads.stop(pool, Duration.ofSeconds(30));
    }

    /** Runs a whole scenario (a written finding being confirmed) in {@code dir/label}. */
    public Trial run(String label, Scenario toRun) throws IOException {
        try {
            lanes.enter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a lane");
        }
        Trial trial;
        try {
            RunOutcome outcome = new ScenarioRun(toRun, backend, runSeed, dir.resolve(label), Console.silent(), scale)
                    .execute();
            trial = new Trial(toRun.faults(), outcome);
            lanes.counted(trial.decisive());
        } finally {
            lanes.leave();
        }
        RunOutcome outcome = trial.outcome();
        synchronized (this) {
            runs++;
            undecided += trial.decisive() ? 0 : 1;
            faultsInjected += outcome.record().faults().size();
            scenarioMs += outcome.record().durationMs();
        }
        return trial;
    }

    public synchronized int runs() {
        return runs;
    }

    /** Runs that decided nothing: they failed, or mch could not keep their probe rate. */
    public synchronized int undecided() {
        return undecided;
    }

    public synchronized int faultsInjected() {
        return faultsInjected;
    }

    /** Scenario time run so far, over all runs. */
    public synchronized long scenarioMs() {
        return scenarioMs;
    }

    /** {@code s} with {@code faults} in place of its own. */
    public static Scenario withFaults(Scenario s, List<ScheduledFault> faults) {
        return new Scenario(s.file(), s.name(), s.description(), s.topology(), s.duration(), s.seed(), s.traffic(),
                faults, s.slo(), s.load(), s.steps());
    }
}
