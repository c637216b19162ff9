package io.mch.harness.explore;

import io.mch.harness.backend.Backend;
import io.mch.harness.config.ExploreSpec;
import io.mch.harness.config.InvalidInputException;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import io.mch.harness.run.Console;
import io.mch.harness.run.TimeScale;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole of {@code mch explore}: search, shrink the breach, write it as a scenario, and replay
 * that file through the scenario loader once more, so what is handed over is known to reproduce.
 */
public final class Exploration {

    /** Shrink runs allowed per finding: each is a whole scenario run. */
    public static final int SHRINK_RUNS = 12;

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
    public record Finding(String slo, Path scenarioFile, Shrinker.Result shrink, Trials.Trial replay, boolean reproduced) {}

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
        List<String> header = new ArrayList<>();
        header.add("Found by: mch explore " + scenario.file().getFileName() + " --seed " + seed + " --time-scale "
                + scale.factor() + " (try " + breach.attempt() + " of " + tries + ")");
        header.add("Breaks: " + breach.slo() + "; found with " + breach.trial().schedule().size() + " fault(s), shrunk to "
                + shrunk.schedule().size() + " in " + shrunk.runs() + " run(s)");
        header.add("Shrunk: " + (shrunk.steps().isEmpty() ? "nothing (every smaller schedule held)"
                : String.join("; ", shrunk.steps())));
        header.add("Replay: mch run <this file> [--time-scale " + scale.factor() + "]");
        Path file = ScenarioWriter.write(scenario, scenario.name() + "-found", shrunk.schedule(), seed, header,
                out.resolve(scenario.name() + "-found.yaml"));
        Scenario written = ScenarioLoader.load(file);
        Trials.Trial replay = trials.run("confirmed", written);
        boolean reproduced = replay.breaks(breach.slo());
        console.progress("shrunk to " + shrunk.schedule().size() + " fault(s) "
                + Schedules.describe(shrunk.schedule(), scenario.duration()) + "; written to " + file + "; replay "
                + (reproduced ? "broke " + breach.slo() + " again" : "did NOT break " + breach.slo()) + " ("
                + out.resolve("confirmed").resolve("report.html") + ")");
        return new Outcome(result, Optional.of(new Finding(breach.slo(), file, shrunk, replay, reproduced)));
    }
}
