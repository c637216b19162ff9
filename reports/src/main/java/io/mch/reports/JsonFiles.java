package io.mch.reports;

import io.mch.reports.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The JSON files mch writes beside its runs ({@code run.json}, {@code explore.json}): through the one
 * contract mapping ({@link Json}), and replaced atomically, so a reader never sees half a file.
 */
final class JsonFiles {

    private JsonFiles() {}

    static void write(Path dir, String name, Object value) {
        Path target = dir.resolve(name);
        Path temp = dir.resolve(name + ".tmp");
        try {
            Files.createDirectories(dir);
            Json.mapper().writeValue(temp.toFile(), value);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    static <T> T read(Path dir, String name, Class<T> type) {
        Path source = dir.resolve(name);
        try {
            return Json.mapper().readValue(source.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }
}
