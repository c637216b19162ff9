package io.mch.reports;

import io.mch.reports.model.RunRecord;
import java.nio.file.Path;

/**
 * The run directory's {@code run.json}: written once at the end of a run and read back by
 * {@code mch report} and by scripts, so it goes through the one contract mapping ({@link JsonFiles}) and
 * is replaced atomically, never left half-written.
 */
public final class RunFiles {

    /** The file name within a run directory. */
    public static final String RUN_JSON = "run.json";

    private RunFiles() {}

    public static void writeRunJson(Path dir, RunRecord run) {
        JsonFiles.write(dir, RUN_JSON, run);
    }

    public static RunRecord readRunJson(Path dir) {
        return JsonFiles.read(dir, RUN_JSON, RunRecord.class);
    }
}
