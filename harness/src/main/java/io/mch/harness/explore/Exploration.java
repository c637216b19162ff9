package io.mch.harness.explore;

import io.mch.faults.spec.ScheduledFault;
import io.mch.harness.backend.Backend;
import io.mch.harness.config.ExploreSpec;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import io.mch.harness.input.InvalidInputException;
import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.TimeScale;
import io.mch.reports.ExploreFiles;
import io.mch.reports.html.ExplorePage;
import io.mch.reports.model.ExploreRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole of {@code mch explore}: search, shrink the breach, write it as a scenario, and replay
 * that file through the scenario loader {@code replays} times, so what is handed over is known to
 * reproduce and how often; when it does not by the vote's share, the previous shrink step is written
 * and replayed instead. Leaves {@code explore.json} and {@code explore.html} beside the runs.
 */
public final class Exploration {

    /** Shrink steps stepped back over, at most, when the smallest schedule does not reproduce. */
    private static final int STEP_BACKS = 3;

    private final Scenario scenario;
    private final ExploreSpec space;
    private final Backend backend;
    private final TimeScale scale;
    private final Path out;
    private final Console console;
    private final Options options;

    /**
     * How a search runs: {@code lanes} runs at once, {@code vote} deciding what breaks, this
     * {@code shard}'s tries only, {@code replays} runs of the written finding, at most
     * {@code shrinkRuns} runs of shrinking.
     */
    public record Options(int lanes, Vote vote, Shard shard, int replays, int shrinkRuns) {

        /** Measured defaults (docs/explore.md): vote 2 of 3, 5 replays, 36 shrink runs. */
        public static Options defaults(int lanes) {
            return new Options(lanes, Vote.DEFAULT, Shard.WHOLE, 5, 36);
        }
    }

    /**
     * Lanes by default: two per core, because a run at ×20 leaves its core mostly idle (a run is
     * about 3 s of wall time and 1.1 s of CPU once the JVM is warm): on two cores 4 lanes made 77
     * runs a minute with every run keeping its probe rate, 6 made 101 at the edge of the cores
     * (docs/performance.md). A machine busier than that closes lanes itself ({@link Lanes}).
     */
    public static int defaultLanes() {
        return 2 * Runtime.getRuntime().availableProcessors();
    }

    /** A search's result and, when it found a breach, the finding; {@code record} is what explore.json holds. */
    public record Outcome(Search.Result search, Optional<Finding> finding, ExploreRecord record) {}

    /**
     * The shrunk schedule as a scenario file, what the shrink did, and the replays of that file
     * ({@code replaysDecided}: those that kept their probe rate; {@code reproduced}: at least the
     * vote's share of those broke the same SLO again).
     */
    public record Finding(
            String slo, Path scenarioFile, List<ScheduledFault> schedule, List<String> steps, List<Trials.Trial> replays,
            int replaysBroke, int replaysDecided, boolean reproduced) {}

    public Exploration(Scenario scenario, ExploreSpec space, Backend backend, TimeScale scale, Path out, Console console,
            Options options) {
        this.scenario = scenario;
        this.space = space;
        this.backend = backend;
        this.scale = scale;
        this.out = out;
        this.console = console;
        this.options = options;
    }

    public Outcome run(long seed, int tries) throws IOException, InvalidInputException {
        long started = System.nanoTime();
        try (Trials trials = new Trials(scenario, backend, scale, seed, out, options.lanes()).slowStart()) {
            Search.Result result = new Search(new Generator(scenario, space, seed), trials, console, options.vote(),
                    options.shard()).run(tries);
            console.progress(result.summary());
            Optional<Finding> finding = Optional.empty();
            List<ExploreRecord.Step> log = List.of();
            ExploreRecord.Finding written = null;
            if (result.breach().isPresent()) {
                Search.Breach breach = result.breach().get();
                Shrinker.Result shrunk = new Shrinker(trials, console, options.shrinkRuns(), options.vote())
                        .shrink(breach.trial(), breach.slo());
                log = shrunk.log();
                Finding f = null;
                int last = shrunk.accepted().size() - 1;
                for (int k = last; k >= 0 && k >= last - STEP_BACKS; k--) {
                    f = replay(seed, tries, breach, shrunk, k, trials);
                    if (f.reproduced() || k == 0) {
                        break;
                    }
                    console.progress("the replays did not break " + breach.slo() + " by the vote's share; stepping back"
                            + " one shrink step");
                }
                finding = Optional.of(f);
                written = record(breach, f);
            }
            ExploreRecord record = new ExploreRecord(scenario.name(), seed, scale.toString(), options.shard().toString(),
                    options.lanes(), options.vote().toString(), tries, result.log(), log, written, trials.runs(),
                    trials.undecided(), (System.nanoTime() - started) / 1_000_000, trials.faultsInjected(), trials.scenarioMs());
            if (trials.undecided() > 0) {
                console.progress(trials.undecided() + " of " + trials.runs() + " runs decided nothing: mch could not keep"
                        + " their probe rate, so mch ran them again on fewer lanes (" + options.lanes() + " asked for, "
                        + trials.fewestLanes() + " at the fewest)" + (trials.undecided() * 10 > trials.runs()
                                ? "; a machine this busy wants a lower --time-scale" : ""));
            }
            ExploreFiles.write(out, record);
            ExplorePage.write(out, List.of(new ExplorePage.Search("", record)));
            return new Outcome(result, finding, record);
        }
    }

    private ExploreRecord.Finding record(Search.Breach breach, Finding f) {
        return new ExploreRecord.Finding(f.slo(), breach.attempt(), breach.trial().schedule().size(), f.schedule().size(),
                Schedules.describe(f.schedule(), scenario.duration()), relative(f.scenarioFile()), f.steps(),
                f.replaysDecided(), f.replaysBroke(), f.reproduced(),
                f.replays().stream().map(t -> relative(t.outcome().dir())).toList());
    }

    private String relative(Path path) {
        return out.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** Writes accepted schedule {@code k} of the shrink as a scenario and replays that file. */
    private Finding replay(long seed, int tries, Search.Breach breach, Shrinker.Result shrunk, int k, Trials trials)
            throws IOException, InvalidInputException {
        List<ScheduledFault> schedule = shrunk.accepted().get(k);
        List<String> steps = shrunk.steps().subList(0, k);
        List<String> header = new ArrayList<>();
        header.add("Found by: mch explore " + scenario.file().getFileName() + " --seed " + seed + " --time-scale "
                + scale.argument() + (options.shard().equals(Shard.WHOLE) ? "" : " --shard " + options.shard())
                + " (try " + breach.attempt() + " of " + tries + ")");
        header.add("Breaks: " + breach.slo() + " (a schedule breaks it when it does in " + options.vote() + " runs); found with "
                + breach.trial().schedule().size() + " fault(s), shrunk to " + schedule.size() + " in " + shrunk.runs()
                + " run(s)");
        header.add("Shrunk: " + (steps.isEmpty() ? "nothing (no smaller schedule broke it by the vote)"
                : String.join("; ", steps)));
        Path file = out.resolve(scenario.name() + "-found.yaml");
        ScenarioWriter.write(scenario, scenario.name() + "-found", schedule, seed, withReplay(header), file);
        Scenario written = ScenarioLoader.load(file);
        List<Trials.Job> jobs = new ArrayList<>();
        for (int i = 1; i <= options.replays(); i++) {
            jobs.add(new Trials.Job("confirmed-" + k + (i == 1 ? "" : "-" + i), written));
        }
        List<Trials.Trial> replays = trials.runAll(jobs);
        int broke = (int) replays.stream().filter(t -> t.breaks(breach.slo())).count();
        int decided = broke + (int) replays.stream().filter(t -> t.holds(breach.slo())).count();
        boolean reproduced = options.vote().holdsShare(broke, decided);
        String idle = decided == replays.size() ? "" : "; " + (replays.size() - decided) + " more decided nothing (probe rate"
                + " not kept, or the SLO UNKNOWN)";
        header.add("Reproduces: " + broke + " of " + decided + " replays of this file broke " + breach.slo()
                + " (time scale " + scale.argument() + idle + ")");
        ScenarioWriter.write(scenario, scenario.name() + "-found", schedule, seed, withReplay(header), file);
        console.progress("shrunk to " + schedule.size() + " fault(s) " + Schedules.describe(schedule, scenario.duration())
                + "; written to " + file + "; " + broke + " of " + decided + " replays broke " + breach.slo() + idle
                + (reproduced ? "" : ": NOT reproduced by the vote's share (" + options.vote() + ")"));
        return new Finding(breach.slo(), file, schedule, steps, replays, broke, decided, reproduced);
    }

    private List<String> withReplay(List<String> header) {
        List<String> lines = new ArrayList<>(header);
        lines.add("Replay: mch run <this file> [--time-scale " + scale.argument() + "]");
        return lines;
    }
}
