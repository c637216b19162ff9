package io.mch.harness.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the files a scenario names (itself, its topology, manifests, a repository's files) only
 * when they are what they claim to be: a regular file (links followed) of at most
 * {@link YamlLimits#MAX_BYTES}. A FIFO would block the read forever, {@code /dev/zero} would fill
 * the memory, and a directory is not a file; each is refused with what it is, never by quoting it.
 */
public final class InputFiles {

    private InputFiles() {}

    /** The text of {@code file}, or why it is refused (a message for the author). */
    public record Text(Optional<String> text, Optional<String> refusal) {
        static Text of(String text) {
            return new Text(Optional.of(text), Optional.empty());
        }

        static Text refused(String why) {
            return new Text(Optional.empty(), Optional.of(why));
        }
    }

    public static Text read(Path file) {
        Optional<String> refusal = refusal(file);
        if (refusal.isPresent()) {
            return Text.refused(refusal.get());
        }
        try (InputStream in = Files.newInputStream(file.toRealPath())) {
            byte[] bytes = in.readNBytes(YamlLimits.MAX_BYTES + 1);
            if (bytes.length > YamlLimits.MAX_BYTES) {
                return Text.refused(tooLarge());
            }
            return Text.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Text.refused("not a UTF-8 text file");
        } catch (IOException e) {
            return Text.refused("cannot read: " + e.getClass().getSimpleName());
        }
    }

    /** Why {@code file} cannot be read as input (missing, not a regular file, too large), or empty. */
    public static Optional<String> refusal(Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            return Optional.of("file not found");
        } catch (IOException e) {
            return Optional.of("cannot read: " + e.getClass().getSimpleName());
        }
        if (Files.isDirectory(real)) {
            return Optional.of("a directory, not a file");
        }
        if (!Files.isRegularFile(real)) {
            return Optional.of("not a regular file (a device, FIFO or socket" + (real.equals(file) ? "" : ": " + real) + ")");
        }
        try {
            return Files.size(real) > YamlLimits.MAX_BYTES ? Optional.of(tooLarge()) : Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot read: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The path written at {@code item}, resolved against {@code base}; empty with a problem there
     * when the text cannot be a path on this file system ({@link Cursor#text} already refuses NUL).
     */
    public static Optional<Path> path(Cursor item, Path base) {
        return item.text().flatMap(text -> {
            try {
                return Optional.of(base.resolve(text).normalize());
            } catch (InvalidPathException e) {
                item.problem("not a valid path on this file system");
                return Optional.empty();
            }
        });
    }

    private static String tooLarge() {
        return "larger than " + (YamlLimits.MAX_BYTES >> 20) + " MiB; mch reads input files of at most that size";
    }
}
