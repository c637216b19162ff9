package io.mch.harness.explore;

import io.mch.faults.spec.ScheduledFault;
import io.mch.harness.backend.Backend;
import io.mch.harness.config.ExploreSpec;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import io.mch.harness.input.InvalidInputException;
import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.TimeScale;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole of {@code mch explore}: search, shrink the breach, write it as a scenario, and replay
 * that file through the scenario loader once more, so what is handed over is known to reproduce;
 * when it does not, the previous shrink step is written and replayed instead.
 */
public final class Exploration {

    /** Shrink runs allowed per finding: each is a whole scenario run. */
    public static final int SHRINK_RUNS = 12;
    /** Shrink steps stepped back over, at most, when the smallest schedule does not reproduce. */
    private static final int REPLAYS = 3;

    private final Scenario scenario;
    private final ExploreSpec space;
    private final Backend backend;
    private final TimeScale scale;
    private final Path out;
    private final Console console;

    /** A search's result and, when it found a breach, the finding. */
    public record Outcome(Search.Result search, Optional<Finding> finding) {}

    /**
     * The shrunk schedule as a scenario file, what the shrink did, and the replay of that file
     * ({@code reproduced}: it broke the same SLO again).
     */
    public record Finding(
            String slo, Path scenarioFile, List<ScheduledFault> schedule, List<String> steps, Trials.Trial replay,
            boolean reproduced) {}

    public Exploration(Scenario scenario, ExploreSpec space, Backend backend, TimeScale scale, Path out, Console console) {
        this.scenario = scenario;
        this.space = space;
        this.backend = backend;
        this.scale = scale;
        this.out = out;
        this.console = console;
    }

    public Outcome run(long seed, int tries) throws IOException, InvalidInputException {
        Trials trials = new Trials(scenario, backend, scale, seed, out);
        Search.Result result = new Search(new Generator(scenario, space, seed), trials, console).run(tries);
        console.progress(result.summary());
        if (result.breach().isEmpty()) {
            return new Outcome(result, Optional.empty());
        }
        Search.Breach breach = result.breach().get();
        Shrinker.Result shrunk = new Shrinker(trials, console, SHRINK_RUNS).shrink(breach.trial(), breach.slo());
        Finding finding = null;
        for (int k = shrunk.accepted().size() - 1; k >= 0 && k >= shrunk.accepted().size() - REPLAYS; k--) {
            finding = replay(seed, tries, breach, shrunk, k, trials);
            if (finding.reproduced() || k == 0) {
                break;
            }
            console.progress("the replay did not break " + breach.slo() + " again; stepping back one shrink step");
        }
        return new Outcome(result, Optional.of(finding));
    }

    /** Writes accepted schedule {@code k} of the shrink as a scenario and replays that file. */
    private Finding replay(long seed, int tries, Search.Breach breach, Shrinker.Result shrunk, int k, Trials trials)
            throws IOException, InvalidInputException {
        List<ScheduledFault> schedule = shrunk.accepted().get(k);
        List<String> steps = shrunk.steps().subList(0, k);
        List<String> header = new ArrayList<>();
        header.add("Found by: mch explore " + scenario.file().getFileName() + " --seed " + seed + " --time-scale "
                + scale.argument() + " (try " + breach.attempt() + " of " + tries + ")");
        header.add("Breaks: " + breach.slo() + "; found with " + breach.trial().schedule().size() + " fault(s), shrunk to "
                + schedule.size() + " in " + shrunk.runs() + " run(s)");
        header.add("Shrunk: " + (steps.isEmpty() ? "nothing (no smaller schedule broke it reproducibly)"
                : String.join("; ", steps)));
        header.add("Replay: mch run <this file> [--time-scale " + scale.argument() + "]");
        Path file = ScenarioWriter.write(scenario, scenario.name() + "-found", schedule, seed, header,
                out.resolve(scenario.name() + "-found.yaml"));
        Scenario written = ScenarioLoader.load(file);
        Trials.Trial replay = trials.run("confirmed-" + k, written);
        boolean reproduced = replay.breaks(breach.slo());
        console.progress("shrunk to " + schedule.size() + " fault(s) "
                + Schedules.describe(schedule, scenario.duration()) + "; written to " + file + "; replay "
                + (reproduced ? "broke " + breach.slo() + " again" : "did NOT break " + breach.slo()) + " ("
                + replay.outcome().dir().resolve("report.html") + ")");
        return new Finding(breach.slo(), file, schedule, steps, replay, reproduced);
    }
}
