package io.mch.harness.explore;

import io.mch.faults.spec.ScheduledFault;
import io.mch.harness.runtime.Console;
import io.mch.reports.model.ExploreRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs generated schedules until one breaks an SLO by the {@link Vote} or the tries are spent. It
 * stops at the first breach on purpose: shrinking that one is worth more than finding a second.
 * Tries run in waves of as many as there are lanes; the breach is the lowest-numbered try of its
 * wave that passes the vote, so the answer does not depend on how many lanes ran it. A try whose
 * run decided nothing (mch could not keep its probe rate) is made again up to {@value #AGAIN} times,
 * while {@link Lanes} narrows what runs at once. A try that broke an SLO once but not by the vote is
 * recorded as noise and the search goes on.
 */
public final class Search {

    /** How many more times a try whose run decided nothing is made before it counts as deciding nothing. */
    private static final int AGAIN = 2;

    private final Generator generator;
    private final Trials trials;
    private final Console console;
    private final Vote vote;
    private final Shard shard;

    /** What a search found: the breaking try, if any, how much it explored, and every try's line. */
    public record Result(Optional<Breach> breach, int tries, int faultsInjected, long scenarioMs, List<ExploreRecord.Try> log) {

        /** The console's verdict on a search. */
        public String summary() {
            return breach.map(b -> "try " + b.attempt() + " broke " + b.slo() + " (" + b.tally().text() + ")")
                    .orElse("no breach found in " + tries + " tries (" + faultsInjected + " faults injected, "
                            + Math.round(scenarioMs / 1000.0) + " s of scenario time)");
        }
    }

    /** The first breaking try: its number (from 1), the SLO it broke, its first breaking run and its vote. */
    public record Breach(int attempt, String slo, Trials.Trial trial, Trials.Tally tally) {}

    /** A whole search, each breach decided by one run (the vote 1/1). */
    public Search(Generator generator, Trials trials, Console console) {
        this(generator, trials, console, new Vote(1, 1), Shard.WHOLE);
    }

    public Search(Generator generator, Trials trials, Console console, Vote vote, Shard shard) {
        this.generator = generator;
        this.trials = trials;
        this.console = console;
        this.vote = vote;
        this.shard = shard;
    }

    /** Runs this shard's part of a search of {@code tries} schedules. */
    public Result run(int tries) throws IOException {
        List<Integer> numbers = shard.tries(tries);
        List<ExploreRecord.Try> log = new ArrayList<>();
        // The lanes open may change during a wave (Lanes), so the next wave starts after this one's tries.
        for (int from = 0, size; from < numbers.size(); from += size) {
            List<Integer> wave = numbers.subList(from, Math.min(from + trials.lanes(), numbers.size()));
            size = wave.size();
            List<Trials.Job> jobs = new ArrayList<>();
            for (int n : wave) {
                jobs.add(new Trials.Job(label(n), Trials.withFaults(trials.scenario(), generator.schedule(n))));
            }
            List<Trials.Trial> ran = trials.runAll(jobs);
            for (int i = 0; i < wave.size(); i++) {
                int n = wave.get(i);
                List<Trials.Trial> made = new ArrayList<>(List.of(ran.get(i)));
                Trials.Trial trial = ran.get(i);
                // A try whose run decided nothing (mch's own lag) is made again, on the lanes still open.
                while (!trial.decisive() && trial.outcome().failure().isEmpty() && made.size() <= AGAIN) {
                    trial = trials.run(label(n) + "-" + (made.size() + 1), jobs.get(i).scenario());
                    made.add(trial);
                }
                Optional<String> broken = trial.breach();
                String result = trial.result() + (made.size() == 1 ? "" : " (run " + made.size() + " times: "
                        + (made.size() - 1) + " decided nothing)");
                Trials.Tally tally = null;
                if (broken.isPresent()) {
                    tally = trials.vote(label(n), jobs.get(i).scenario(), broken.get(), vote, List.copyOf(made));
                    result += tally.breaking() ? " (" + tally.text() + ")"
                            : " once; not by the vote " + vote + " (" + tally.text() + "): noise";
                }
                console.progress(String.format("try %d/%d %s: %s", n + 1, tries,
                        Schedules.describe(trial.schedule(), trials.scenario().duration()), result));
                log.add(new ExploreRecord.Try(n + 1, Schedules.describe(trial.schedule(), trials.scenario().duration()),
                        result, tally == null ? made.stream().map(Search::dirName).toList() : tally.labels()));
                if (tally != null && tally.breaking()) {
                    for (int j = i + 1; j < wave.size(); j++) {
                        log.add(new ExploreRecord.Try(wave.get(j) + 1, Schedules.describe(ran.get(j).schedule(),
                                trials.scenario().duration()), ran.get(j).result() + " (ran beside the breach; not voted on)",
                                List.of(label(wave.get(j)))));
                    }
                    return new Result(Optional.of(new Breach(n + 1, broken.get(), trial, tally)), log.size(),
                            trials.faultsInjected(), trials.scenarioMs(), List.copyOf(log));
                }
            }
        }
        return new Result(Optional.empty(), log.size(), trials.faultsInjected(), trials.scenarioMs(), List.copyOf(log));
    }

    private static String dirName(Trials.Trial trial) {
        return trial.outcome().dir().getFileName().toString();
    }

    private static String label(int n) {
        return String.format("try-%03d", n + 1);
    }
}
