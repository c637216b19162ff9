package io.mch.harness.cli;

import io.mch.harness.config.Validation;
import io.mch.harness.input.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mch validate FILE...}: checks scenario and topology files without running anything. */
@Command(name = "validate", description = "Check scenario and topology files without running them.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario or topology files.")
    List<Path> files;

    @Override
    public Integer call() {
        int problems = 0;
        for (Path file : files) {
            List<Problem> found = Validation.validate(file);
            found.forEach(p -> System.err.println(p));
            if (found.isEmpty()) {
                System.out.println("ok: " + file);
            }
            problems += found.size();
        }
        if (problems > 0) {
            System.err.println("mch: " + problems + " problem(s)");
            return MchCommand.BAD_INPUT;
        }
        return MchCommand.PASS;
    }
}
