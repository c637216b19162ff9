package io.mch.harness.cli;

import io.mch.harness.backend.BackendUnavailableException;
import io.mch.harness.backend.Backend;
import io.mch.harness.backend.k3s.K3sOptions;
import io.mch.harness.config.ExploreSpec;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import io.mch.harness.explore.Exploration;
import io.mch.harness.explore.Shard;
import io.mch.harness.explore.Vote;
import io.mch.harness.input.InvalidInputException;
import io.mch.harness.run.RunDirectory;
import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.TimeScale;
import io.mch.reports.html.ExplorePage;
import io.mch.reports.model.ExploreRecord;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mch explore SCENARIO.yaml [--tries N] [--seed S] [--time-scale K] [--lanes L] [--vote K/N]
 * [--replays N] [--shard I/N] [--out DIR]}.
 */
@Command(name = "explore",
        description = "Search the scenario's explore: space for a fault schedule that breaks an SLO, shrink it,"
                + " and write it as a replayable scenario.")
final class ExploreCommand implements Callable<Integer> {

    /** A breach was found but its replay did not break the SLO again (3 stays "the harness failed"). */
    static final int NOT_REPRODUCED = 4;

    /**
     * No breach was found, but some runs decided nothing (mch could not keep their probe rate): the
     * search did not cover what it was asked to, so it must not read as a clean 0.
     */
    static final int UNDECIDED = 5;

    /** Lanes beyond this would only queue for the same cores (and loopback ports). */
    static final int MAX_LANES = 32;

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

    @Option(names = "--lanes", paramLabel = "L",
            description = "Most runs at once, each with its own fleet (default: ${DEFAULT-VALUE}, two per core);"
                    + " fewer while runs cannot keep their probe rate.")
    int lanes = Exploration.defaultLanes();

    @Option(names = "--vote", paramLabel = "K/N", defaultValue = "2/3",
            description = "A schedule breaks an SLO when it breaks it in K of N runs (default ${DEFAULT-VALUE}).")
    String vote;

    @Option(names = "--replays", paramLabel = "N", defaultValue = "5",
            description = "Replays of the written finding, to state how often it reproduces (default ${DEFAULT-VALUE}).")
    int replays;

    @Option(names = "--shard", paramLabel = "I/N", defaultValue = "1/1",
            description = "Run only shard I of N of the tries (try n when n mod N = I-1), for a search split over"
                    + " machines; './mch report' over the shards' directories merges them.")
    String shard;

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
        Optional<Vote> votes = Vote.parse(vote);
        Optional<Shard> part = Shard.parse(shard);
        if (votes.isEmpty() || part.isEmpty() || lanes < 1 || lanes > MAX_LANES || replays < 1 || replays > 20) {
            System.err.println("mch: --vote must be K/N with 1 <= K <= N <= 20, --shard I/N with 1 <= I <= N, --lanes"
                    + " between 1 and " + MAX_LANES + ", --replays between 1 and 20; nothing was run");
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
        console.progress("exploring " + scenario.name() + ": " + budget + " tries" + (part.get().equals(Shard.WHOLE) ? ""
                : " (shard " + part.get() + ")") + ", seed " + searchSeed + ", time scale " + scale.get() + ", " + lanes
                + " lane(s), a schedule breaks an SLO when it does in " + votes.get() + " runs; runs in " + dir);
        Exploration.Outcome outcome = new Exploration(scenario, space.get(), chosen, scale.get(), dir, console,
                new Exploration.Options(lanes, votes.get(), part.get(), replays, Exploration.Options.defaults(lanes).shrinkRuns()))
                .run(searchSeed, budget);
        ExploreRecord record = outcome.record();
        console.print(outcome.finding()
                .map(f -> "breach: " + f.slo() + " with " + f.schedule().size() + " fault(s); " + f.replaysBroke() + " of "
                        + f.replaysDecided() + " replays broke it" + (f.reproduced() ? "" : " (NOT reproduced by the vote's share)")
                        + "\nscenario: " + f.scenarioFile() + "\n")
                .orElse(outcome.search().summary() + "\n")
                + String.format("runs: %d in %.1f s on %d lane(s): %.1f a minute%nsummary: %s%n", record.runs(),
                        record.wallMs() / 1000.0, record.lanes(), record.runsPerMinute(), dir.resolve(ExplorePage.FILE)));
        if (outcome.finding().isEmpty()) {
            return record.undecidedRuns() > 0 ? UNDECIDED : MchCommand.PASS;
        }
        return outcome.finding().get().reproduced() ? MchCommand.SLO_FAILED : NOT_REPRODUCED;
    }
}
