package io.mch.harness.cli;

import io.mch.harness.backend.BackendUnavailableException;
import io.mch.harness.backend.Backend;
import io.mch.harness.backend.k3s.K3sOptions;
import io.mch.harness.input.InvalidInputException;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import io.mch.harness.load.GatlingClasspath;
import io.mch.harness.runtime.Console;
import io.mch.harness.run.RunDirectory;
import io.mch.harness.run.ScenarioRun;
import io.mch.harness.run.SignalStop;
import io.mch.harness.runtime.TimeScale;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mch run SCENARIO.yaml [--backend B] [--seed N] [--time-scale K] [--out DIR]}, and for
 * existing clusters {@code [--kubeconfig FILE] [--context CLUSTER=CONTEXT]... [--allow-destructive CONTEXT]...}.
 */
@Command(name = "run", description = "Run a scenario and judge its SLOs.")
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SCENARIO.yaml", description = "The scenario file.")
    Path scenarioFile;

    @Option(names = "--backend", defaultValue = "embedded",
            description = "embedded (default), k3s or kubeconfig.")
    String backend;

    @Option(names = "--seed", description = "Seed for every random choice (default: the scenario's, else random).")
    Long seed;

    @Option(names = "--time-scale", paramLabel = "K", defaultValue = "1",
            description = "Run K times faster than scenario time; results stay in scenario time at K times coarser resolution.")
    double timeScale;

    @Option(names = "--k3s-image", paramLabel = "IMAGE",
            description = "The rancher/k3s image for --backend k3s (default: the pinned " + K3sOptions.DEFAULT_IMAGE + ").")
    String k3sImage;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory: new or empty (default: a new runs/<scenario>-<time>).")
    Path out;

    @Option(names = "--backup-location", paramLabel = "DIR",
            description = "Write the scenario's backups here instead of inside the run directory.")
    Path backupLocation;

    @Mixin
    KubeconfigArgs kubeconfig;

    @Override
    public Integer call() throws Exception {
        Optional<TimeScale> scale = CommandInputs.scale(timeScale);
        if (scale.isEmpty()) {
            return MchCommand.BAD_INPUT;
        }
        Scenario scenario;
        try {
            scenario = ScenarioLoader.load(scenarioFile, scale.get());
        } catch (InvalidInputException e) {
            return CommandInputs.badInput(e);
        }
        if (backupLocation != null) {
            scenario = scenario.withBackupLocation(backupLocation);
        }
        Optional<String> unbuilt = GatlingClasspath.problem(scenario, GatlingClasspath.home());
        if (unbuilt.isPresent()) {
            System.err.println("mch: " + unbuilt.get() + "; nothing was run");
            return MchCommand.BAD_INPUT;
        }
        Optional<RunDirectory> claimed = CommandInputs.runDirectory(out, scenario.name(), scenario);
        if (claimed.isEmpty()) {
            return MchCommand.BAD_INPUT;
        }
        Path dir = claimed.get().path();
        Backend chosen;
        try {
            chosen = Backends.create(backend, scale.get(), k3sImage, () -> kubeconfig.options(dir));
            chosen.preflight(scenario);
        } catch (InvalidInputException e) {
            claimed.get().release();
            return CommandInputs.badInput(e);
        } catch (BackendUnavailableException e) {
            claimed.get().release();
            System.err.println("mch: " + e.getMessage() + "; nothing was run");
            return MchCommand.BAD_INPUT;
        }
        long runSeed = CommandInputs.seed(seed, scenario);
        Console console = Console.system();
        RunDirectory.sweepDeadRuns(dir.toAbsolutePath().getParent()).forEach(console::progress);
        console.progress("scenario " + scenario.name() + " (" + scenario.duration().toSeconds() + "s), seed " + runSeed
                + (scale.get().compressed() ? ", time scale " + scale.get() : "") + ", results in " + dir);
        ScenarioRun run = new ScenarioRun(scenario, chosen, runSeed, claimed.get(), console, scale.get());
        try (SignalStop stop = SignalStop.install(run, console)) {
            return run.execute().exitCode();
        }
    }
}
