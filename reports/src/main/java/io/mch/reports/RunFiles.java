package io.mch.reports;

import io.mch.reports.model.Json;
import io.mch.reports.model.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The run directory's {@code run.json}: written once at the end of a run and read back by
 * {@code mch report} and by scripts, so it goes through the one contract mapping ({@link Json}) and
 * is replaced atomically, never left half-written.
 */
public final class RunFiles {

    /** The file name within a run directory. */
    public static final String RUN_JSON = "run.json";

    private RunFiles() {}

    public static void writeRunJson(Path dir, RunRecord run) {
        Path target = dir.resolve(RUN_JSON);
        Path temp = dir.resolve(RUN_JSON + ".tmp");
        try {
            Files.createDirectories(dir);
            Json.mapper().writeValue(temp.toFile(), run);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    public static RunRecord readRunJson(Path dir) {
        Path source = dir.resolve(RUN_JSON);
        try {
            return Json.mapper().readValue(source.toFile(), RunRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }
}
