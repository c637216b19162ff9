package io.mch.reports;

import io.mch.reports.model.ExploreRecord;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An explore directory's {@code explore.json}, written like {@code run.json} (one mapping, replaced
 * atomically), so {@code mch report} never merges a half-written shard.
 */
public final class ExploreFiles {

    public static final String EXPLORE_JSON = "explore.json";

    private ExploreFiles() {}

    public static void write(Path dir, ExploreRecord record) {
        JsonFiles.write(dir, EXPLORE_JSON, record);
    }

    public static ExploreRecord read(Path dir) {
        return JsonFiles.read(dir, EXPLORE_JSON, ExploreRecord.class);
    }

    public static boolean isExplore(Path dir) {
        return Files.isRegularFile(dir.resolve(EXPLORE_JSON));
    }
}
