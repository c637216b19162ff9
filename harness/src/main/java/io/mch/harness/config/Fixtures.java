package io.mch.harness.config;

import io.mch.harness.input.InputFiles;
import io.mch.harness.input.Names;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a scenario's {@code topology:} points. A bare name ({@code active-passive}: no '/', no
 * {@code .yaml}/{@code .yml}) is a fixture {@code <fixtures>/<name>.yaml}, so the scenario library
 * reads like prose; anything else is a path relative to the file that mentions it, so a user's own
 * topology works without copying it into the fixtures.
 *
 * <p>The fixtures directory is, in order: the one given to {@link #in}; the first
 * {@value #DIRECTORY_NAME} directory found walking up from the mentioning file's directory (a
 * team's own fixtures beside its scenarios); the system property {@value #PROPERTY} (the launcher
 * sets it to mch's shipped fixtures); the first one walking up from the current directory.
 */
public final class Fixtures {

    public static final String PROPERTY = "mch.fixtures";
    public static final String DIRECTORY_NAME = "topology-fixtures";

    private final Optional<Path> directory;

    private Fixtures(Optional<Path> directory) {
        this.directory = directory;
    }

    /** Fixtures in a known directory (tests, embedders). */
    public static Fixtures in(Path directory) {
        return new Fixtures(Optional.of(directory));
    }

    /** Fixtures found by walking up from the mentioning file, else from {@value #PROPERTY}. */
    public static Fixtures discover() {
        return new Fixtures(Optional.empty());
    }

    /** Whether {@code reference} names a fixture rather than a file. */
    public static boolean isFixtureName(String reference) {
        return !reference.contains("/") && !reference.contains("\\")
                && !reference.endsWith(".yaml") && !reference.endsWith(".yml");
    }

    /** The fixtures directory that applies to {@code mentioningFile}, if any. */
    public Optional<Path> directoryFor(Path mentioningFile) {
        if (directory.isPresent()) {
            return directory;
        }
        String property = System.getProperty(PROPERTY);
        return above(mentioningFile.toAbsolutePath().getParent())
                .or(() -> property == null || property.isBlank() ? Optional.empty() : Optional.of(Path.of(property)))
                .or(() -> above(Path.of("").toAbsolutePath()));
    }

    /**
     * The existing topology file {@code reference} designates.
     *
     * @throws IllegalArgumentException with a message for the author when there is no such file
     */
    public Path resolve(String reference, Path mentioningFile) {
        if (!isFixtureName(reference)) {
            Path file = mentioningFile.toAbsolutePath().getParent().resolve(reference).normalize();
            Optional<String> refusal = InputFiles.refusal(file);
            if (refusal.isPresent()) {
                throw new IllegalArgumentException(refusal.get() + ": " + file);
            }
            return file;
        }
        if (!Names.valid(reference)) {
            throw new IllegalArgumentException("'" + reference
                    + "' is neither a fixture name ([a-z0-9-]+) nor a path ending in .yaml");
        }
        Path dir = directoryFor(mentioningFile).orElseThrow(() -> new IllegalArgumentException(
                "cannot look up fixture '" + reference + "': no " + DIRECTORY_NAME + " directory above "
                        + mentioningFile.toAbsolutePath().getParent() + " or the current directory; set -D"
                        + PROPERTY + "=DIR or give a path to the topology file"));
        Path file = dir.resolve(reference + ".yaml").toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            List<String> known = names(dir);
            throw new IllegalArgumentException("no fixture '" + reference + "' in " + dir.toAbsolutePath().normalize()
                    + "; fixtures are " + (known.isEmpty() ? "(none)" : String.join(", ", known))
                    + Names.hint(reference, known));
        }
        return file;
    }

    private static Optional<Path> above(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DIRECTORY_NAME);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
