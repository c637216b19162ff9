package io.mch.harness.cli;

import io.mch.harness.runtime.Failures;
import io.mch.harness.drill.Drill;
import io.mch.reports.model.Redaction;
import io.mch.harness.runtime.ProcessTemp;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * The {@code mch} command line: {@code run}, {@code explore}, {@code validate}, {@code report},
 * {@code bench}, {@code heal}, {@code completion}, and the fabric actions as drills ({@code federate},
 * {@code connect}, {@code replicate}, {@code failover}, {@code sync}). The standard help options are
 * inherited, so every command, present and future, answers {@code --help} and {@code --version}.
 */
@Command(
        name = "mch",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        version = "mch 0.1.0",
        description = "Chaos-testing harness for multi-cluster Kubernetes.",
        subcommands = {RunCommand.class, ExploreCommand.class, ValidateCommand.class, ReportCommand.class, BenchCommand.class,
            HealCommand.class})
public final class MchCommand implements Callable<Integer> {

    /** Exit codes of the contract. */
    static final int PASS = 0;
    static final int SLO_FAILED = 1;
    static final int BAD_INPUT = 2;
    static final int HARNESS_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("mch: a command is required: run, explore, validate, report, bench, heal, completion,"
                + " or an action: federate, connect, replicate, failover, sync");
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }

    /**
     * Vert.x, under the embedded API servers, logs every connection a fault resets as SEVERE; those
     * resets are the faults working, and what they did is in the history. Held here so the logger
     * keeps its level.
     */
    private static final java.util.logging.Logger VERTX = java.util.logging.Logger.getLogger("io.vertx");

    public static void main(String[] args) {
        VERTX.setLevel(java.util.logging.Level.OFF);
        ProcessTemp.configureVertx();
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        return commandLine()
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("mch: the harness failed: " + Redaction.clean(Failures.describe(e)));
                    return HARNESS_FAILED;
                })
                .execute(args);
    }

    /** Every command: the annotated ones, the drills, and {@code completion} (picocli's bash/zsh script). */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new MchCommand());
        for (Drill drill : Drill.values()) {
            commandLine.addSubcommand(drill.action(), new CommandLine(new ActionCommand(drill))
                    .setCommandName(drill.action())
                    .setUsageHelpAutoWidth(true));
            commandLine.getSubcommands().get(drill.action()).getCommandSpec().usageMessage()
                    .description("Drill: " + drill.what() + " (applies to " + String.join(", ", drill.appliesTo()) + ").");
        }
        CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion()).setCommandName("completion");
        completion.getCommandSpec().usageMessage().hidden(false)
                .description("Print a bash/zsh completion script for mch: source <(./mch completion)");
        commandLine.addSubcommand("completion", completion);
        return commandLine;
    }
}
