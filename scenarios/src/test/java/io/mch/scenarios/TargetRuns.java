package io.mch.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The suites' run directories, {@code target/runs/<name>}. A run writes only into a new or empty
 * directory, so what an earlier build of these suites left there (their own output) is removed first.
 */
public final class TargetRuns {

    private TargetRuns() {}

    public static Path fresh(String name) throws IOException {
        Path dir = Path.of("target", "runs", name);
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return dir;
    }
}
