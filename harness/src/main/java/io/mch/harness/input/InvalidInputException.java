package io.mch.harness.input;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input, with every problem found; nothing has been started when this is thrown. */
public final class InvalidInputException extends Exception {

    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
