package io.mch.harness.cli;

import io.mch.harness.config.Scenario;
import io.mch.harness.input.InvalidInputException;
import io.mch.harness.run.RunDirectory;
import io.mch.harness.runtime.TimeScale;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** What {@code run} and {@code explore} decide the same way: bad input, the seed, the output folder. */
final class CommandInputs {

    private CommandInputs() {}

    /** Prints every problem and says that nothing ran; returns the bad-input exit code. */
    static int badInput(InvalidInputException e) {
        System.err.println(e.getMessage());
        System.err.println("mch: " + e.problems().size() + " problem(s); nothing was run");
        return MchCommand.BAD_INPUT;
    }

    /** The command line's {@code --time-scale}; empty, with the reason printed, when it is out of range. */
    static Optional<TimeScale> scale(double factor) {
        Optional<TimeScale> scale = TimeScale.parse(factor);
        if (scale.isEmpty()) {
            System.err.println("mch: --time-scale " + factor + ": must be between 1 and 1000; nothing was run");
        }
        return scale;
    }

    /** The command line's seed, else the scenario's, else a random one (recorded in the run). */
    static long seed(Long fromCommandLine, Scenario scenario) {
        return fromCommandLine != null
                ? fromCommandLine
                : scenario.seed().orElseGet(() -> new SecureRandom().nextLong() & Long.MAX_VALUE);
    }

    /**
     * Claims the run's directory: {@code out} when given (new or empty, never an empty name nor a
     * place inside the topology's GitOps repository), else a fresh {@code runs/<name>-<local time>[-N]}.
     * Empty, with the reason printed, when refused: nothing may run then.
     */
    static Optional<RunDirectory> runDirectory(Path out, String name, Scenario scenario) {
        try {
            if (out == null) {
                return Optional.of(RunDirectory.fresh(Path.of("runs",
                        name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))));
            }
            if (out.toString().isBlank()) {
                throw new RunDirectory.Refused("--out is empty (an unset variable?); give a directory or leave --out out");
            }
            Optional<Path> repository = scenario.topology().fabric().sync().map(s -> s.repository().toAbsolutePath().normalize());
            if (repository.isPresent() && out.toAbsolutePath().normalize().startsWith(repository.get())) {
                throw new RunDirectory.Refused("--out " + out + ": inside the topology's GitOps repository "
                        + repository.get() + ", which the run copies");
            }
            return Optional.of(RunDirectory.claim(out));
        } catch (RunDirectory.Refused e) {
            System.err.println("mch: " + e.getMessage() + "; nothing was run");
            return Optional.empty();
        }
    }
}
