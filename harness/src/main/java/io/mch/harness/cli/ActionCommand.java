package io.mch.harness.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mch.harness.input.InvalidInputException;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import io.mch.harness.drill.Drill;
import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.ProcessTemp;
import io.mch.harness.run.RunDirectory;
import io.mch.harness.run.RunOutcome;
import io.mch.harness.run.ScenarioRun;
import io.mch.harness.runtime.TimeScale;
import io.mch.reports.model.Json;
import io.mch.reports.model.Measurement;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mch federate|connect|replicate|failover|sync --topology T [--json]}: the fabric actions
 * as drills on the built-in fixtures, for someone who wants the answer without writing a
 * scenario. With {@code --json} it prints one object in the fabric actions' output shape
 * ({@code cluster_status}, {@code sync_status}, {@code health}) plus what was measured, and sends
 * progress to standard error.
 */
@Command(mixinStandardHelpOptions = true)
final class ActionCommand implements Callable<Integer> {

    /** The JSON printed with {@code --json}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(String action, String topology, String scenario, Verdict verdict,
            Map<String, RunRecord.ClusterStatus> clusterStatus, String syncStatus, List<RunRecord.Health> health,
            List<Measurement> measurements, List<SloResult> slos, String runDir, String report, String failure) {}

    private final Drill drill;

    @Spec
    CommandSpec spec;

    @Option(names = "--topology", required = true, paramLabel = "TOPOLOGY",
            description = "hub-spoke, mesh, active-active or active-passive.")
    String topology;

    @Option(names = "--json", description = "Print the result as one JSON object (progress goes to standard error).")
    boolean json;

    @Option(names = "--time-scale", paramLabel = "K", defaultValue = "1",
            description = "Run the drill K times faster; figures stay in scenario time at K times coarser resolution.")
    double timeScale;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory: new or empty (default: a new runs/drill-<action>-<topology>-<time>).")
    Path out;

    ActionCommand(Drill drill) {
        this.drill = drill;
    }

    @Override
    public Integer call() throws Exception {
        if (!Drill.TOPOLOGIES.contains(topology)) {
            System.err.println("mch " + drill.action() + ": --topology " + topology + ": must be one of "
                    + String.join(", ", Drill.TOPOLOGIES) + "; nothing was run");
            return MchCommand.BAD_INPUT;
        }
        if (drill.notApplicable(topology).isPresent()) {
            System.err.println("mch " + drill.action() + ": " + drill.notApplicable(topology).get() + "; nothing was run");
            return MchCommand.BAD_INPUT;
        }
        TimeScale scale = CommandInputs.scale(timeScale).orElse(null);
        if (scale == null) {
            return MchCommand.BAD_INPUT;
        }
        Scenario scenario;
        Path written = drill.scenario(topology, Files.createTempDirectory(ProcessTemp.dir(), "drill-"));
        try {
            scenario = ScenarioLoader.load(written, scale);
        } catch (InvalidInputException e) {
            return CommandInputs.badInput(e);
        } finally {
            // Read once: the drill names its topology by fixture name, so nothing refers back to the file.
            Files.delete(written);
            Files.delete(written.getParent());
        }
        Optional<RunDirectory> claimed = CommandInputs.runDirectory(out, "drill-" + drill.action() + "-" + topology, scenario);
        if (claimed.isEmpty()) {
            return MchCommand.BAD_INPUT;
        }
        Path dir = claimed.get().path();
        Console console = json ? new Console(System.err, System.err) : Console.system();
        console.progress(drill.action() + " on " + topology + ": " + drill.what());
        RunOutcome outcome = new ScenarioRun(scenario, Backends.create("embedded", scale, null, null),
                CommandInputs.seed(null, scenario), claimed.get(), console, scale).execute();
        RunRecord r = outcome.record();
        if (json) {
            Result result = new Result(drill.action(), topology, r.scenario(), r.verdict(), r.clusterStatus(),
                    r.syncStatus(), r.health(), r.measurements(), r.slos(), dir.toString(),
                    dir.resolve("report.html").toString(), outcome.failure().orElse(null));
            spec.commandLine().getOut().println(Json.mapper().writeValueAsString(result));
        }
        return outcome.exitCode();
    }
}
