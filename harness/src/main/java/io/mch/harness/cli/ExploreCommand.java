package io.mch.harness.cli;

import io.mch.harness.backend.BackendUnavailableException;
import io.mch.harness.backend.Backend;
import io.mch.harness.backend.k3s.K3sOptions;
import io.mch.harness.config.ExploreSpec;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import io.mch.harness.explore.Exploration;
import io.mch.harness.input.InvalidInputException;
import io.mch.harness.run.RunDirectory;
import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.TimeScale;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mch explore SCENARIO.yaml [--tries N] [--seed S] [--time-scale K] [--out DIR]}. */
@Command(name = "explore",
        description = "Search the scenario's explore: space for a fault schedule that breaks an SLO, shrink it,"
                + " and write it as a replayable scenario.")
final class ExploreCommand implements Callable<Integer> {

    /** A breach was found but its replay did not break the SLO again (3 stays "the harness failed"). */
    static final int NOT_REPRODUCED = 4;

    @Parameters(paramLabel = "SCENARIO.yaml", description = "A scenario with an explore: section.")
    Path scenarioFile;

    @Option(names = "--tries", paramLabel = "N", description = "Schedules to try (default: the explore: section's tries).")
    Integer tries;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the generator and of every run (default: the scenario's, else random).")
    Long seed;

    @Option(names = "--time-scale", paramLabel = "K", defaultValue = "1",
            description = "Run every try K times faster than scenario time (10 or 20 makes a search quick).")
    double timeScale;

    @Option(names = "--backend", defaultValue = "embedded", description = "embedded (default) or k3s.")
    String backend;

    @Option(names = "--k3s-image", paramLabel = "IMAGE",
            description = "The rancher/k3s image for --backend k3s (default: the pinned " + K3sOptions.DEFAULT_IMAGE + ").")
    String k3sImage;

    @Option(names = "--out", paramLabel = "DIR", description = "Where runs and the finding go: new or empty (default: a new runs/explore-<scenario>-<time>).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Optional<TimeScale> scale = TimeScale.parse(timeScale);
        if (scale.isEmpty() || (tries != null && (tries < 1 || tries > ExploreSpec.MAX_TRIES))) {
            System.err.println("mch: --time-scale must be between 1 and 1000, --tries between 1 and "
                    + ExploreSpec.MAX_TRIES + "; nothing was run");
            return MchCommand.BAD_INPUT;
        }
        Scenario scenario;
        Optional<ExploreSpec> space;
        try {
            scenario = ScenarioLoader.load(scenarioFile, scale.get());
            space = ScenarioLoader.explore(scenarioFile, scenario);
        } catch (InvalidInputException e) {
            return CommandInputs.badInput(e);
        }
        if (space.isEmpty()) {
            System.err.println(scenarioFile + ": no explore: section; add one to say which faults to search"
                    + " (see docs/explore.md); nothing was run");
            return MchCommand.BAD_INPUT;
        }
        Backend chosen;
        try {
            chosen = Backends.create(backend, scale.get(), k3sImage, null);
        } catch (BackendUnavailableException e) {
            System.err.println("mch: " + e.getMessage() + "; nothing was run");
            return MchCommand.BAD_INPUT;
        }
        long searchSeed = CommandInputs.seed(seed, scenario);
        int budget = tries != null ? tries : space.get().tries();
        Optional<RunDirectory> claimed = CommandInputs.runDirectory(out, "explore-" + scenario.name(), scenario);
        if (claimed.isEmpty()) {
            return MchCommand.BAD_INPUT;
        }
        Path dir = claimed.get().path();
        Console console = Console.system();
        console.progress("exploring " + scenario.name() + ": " + budget + " tries, seed " + searchSeed + ", time scale "
                + scale.get() + ", runs in " + dir);
        Exploration.Outcome outcome = new Exploration(scenario, space.get(), chosen, scale.get(), dir, console)
                .run(searchSeed, budget);
        console.print(outcome.finding()
                .map(f -> "breach: " + f.slo() + " with " + f.schedule().size() + " fault(s)" + (f.reproduced() ? "" : " (NOT reproduced by the replay)")
                        + "\nscenario: " + f.scenarioFile() + "\nconfirming run: " + f.replay().outcome().dir() + "\n")
                .orElse(outcome.search().summary() + "\n"));
        if (outcome.finding().isEmpty()) {
            return MchCommand.PASS;
        }
        return outcome.finding().get().reproduced() ? MchCommand.SLO_FAILED : NOT_REPRODUCED;
    }
}
