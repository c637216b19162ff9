package io.mch.harness.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The temporary files of one mch process live in one folder, {@code <java.io.tmpdir>/mch-<pid>},
 * removed when the process exits. A killed process cannot remove it, so the next run (or
 * {@code mch heal}) sweeps the folders of processes that are gone. Vert.x, under the embedded API
 * servers, is kept from creating its {@code vertx-cache-*} folders beside them.
 */
public final class ProcessTemp {

    private static final String PREFIX = "mch-";
    /** What mch before the per-process folder left for its drills' scenario files. */
    private static final String OLD_DRILLS = "mch-drill-";

    private ProcessTemp() {}

    /** This process's folder (created on first use, removed at exit). */
    public static synchronized Path dir() {
        Path dir = folderOf(ProcessHandle.current().pid());
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dir, e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "mch-temp-cleanup"));
        }
        return dir;
    }

    /**
     * Vert.x resolves no files from the class path (nothing of mch needs it), so it creates no cache
     * folder; should a user turn that back on, the cache goes inside this process's folder. Values
     * already set (a {@code -D} on the command line) are kept.
     */
    public static void configureVertx() {
        if (System.getProperty("vertx.disableFileCPResolving") == null) {
            System.setProperty("vertx.disableFileCPResolving", "true");
        }
        if (System.getProperty("vertx.cacheDirBase") == null) {
            System.setProperty("vertx.cacheDirBase", folderOf(ProcessHandle.current().pid()).resolve("vertx-cache").toString());
        }
    }

    /** Removes the folders of mch processes that are gone from {@code tmp}; returns what it removed. */
    public static List<String> sweep(Path tmp) {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(tmp)) {
            return removed;
        }
        try (Stream<Path> list = Files.list(tmp)) {
            for (Path p : list.filter(Files::isDirectory).toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(OLD_DRILLS) || (name.startsWith(PREFIX) && gone(name.substring(PREFIX.length())))) {
                    deleteTree(p);
                    removed.add("removed " + p + " (temporary files of an mch process that is gone)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + tmp, e);
        }
        return removed;
    }

    /** The temporary folder of the JVM, where {@link #dir()} and the sweep look. */
    public static Path systemTemp() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static Path folderOf(long pid) {
        return systemTemp().resolve(PREFIX + pid);
    }

    /** A pid of no live process; anything else (not a number, a live process) is not this sweep's. */
    public static boolean gone(String pid) {
        if (pid.isEmpty() || !pid.chars().allMatch(Character::isDigit) || pid.length() > 18) {
            return false;
        }
        return ProcessHandle.of(Long.parseLong(pid)).map(h -> !h.isAlive()).orElse(true);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Swept again by the next run.
        }
    }
}
