package io.mch.harness.run;

import io.mch.harness.runtime.ProcessTemp;
import io.mch.reports.RunFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one directory a run writes into. Output folders are the user's: mch writes only inside a
 * directory it created itself or one it was given empty, and claims it with a marker file created
 * atomically, so two runs can never share one and an earlier run's files are never overwritten.
 * Anything else is refused before the run starts ({@link Refused}, exit 2).
 */
public final class RunDirectory {

    /** mch's own mark on a run directory: which process claimed it, and when. */
    public static final String MARKER = ".mch-run";
    /** How many {@code -2}, {@code -3}... names a default directory tries beside a taken one. */
    private static final int FRESH_NAMES = 100;

    private final Path path;
    private final boolean created;

    private RunDirectory(Path path, boolean created) {
        this.path = path;
        this.created = created;
    }

    public Path path() {
        return path;
    }

    /**
     * Claims {@code dir}, given by the user: created when it does not exist, else it must be an empty
     * directory. Refused when it is not empty (a user's files or an earlier run), when it is a file,
     * or when another run claims it at the same time.
     */
    public static RunDirectory claim(Path dir) {
        boolean created = false;
        if (Files.isDirectory(dir)) {
            List<String> held = entries(dir);
            if (!held.isEmpty()) {
                throw new Refused(dir + ": not empty (" + (held.contains(MARKER) ? "an earlier mch run" : "holds "
                        + String.join(", ", held.subList(0, Math.min(3, held.size()))) + (held.size() > 3 ? ", ..." : ""))
                        + "); mch writes only into a new or empty directory and never replaces what is there");
            }
        } else if (Files.exists(dir)) {
            throw new Refused(dir + ": is a file, not a directory");
        } else {
            create(dir);
            created = true;
        }
        mark(dir);
        return new RunDirectory(dir, created);
    }

    /**
     * Claims a fresh directory named {@code base}, or {@code base-2}, {@code base-3}... when that
     * name is taken: the default run directory, never one that already exists.
     */
    public static RunDirectory fresh(Path base) {
        for (int i = 1; i <= FRESH_NAMES; i++) {
            Path dir = i == 1 ? base : base.resolveSibling(base.getFileName() + "-" + i);
            try {
                createParent(dir);
                Files.createDirectory(dir);
            } catch (FileAlreadyExistsException taken) {
                continue;
            } catch (IOException e) {
                throw new Refused(dir + ": cannot create the run directory: " + e.getMessage());
            }
            mark(dir);
            return new RunDirectory(dir, true);
        }
        throw new Refused(base + ": " + FRESH_NAMES + " run directories of that name exist already");
    }

    /**
     * Gives the directory back when the run is refused before it starts (a backend that is not
     * there): removes the marker, and the directory when mch created it and nothing else is in it.
     */
    public void release() {
        try {
            Files.deleteIfExists(path.resolve(MARKER));
            if (created && entries(path).isEmpty()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + path, e);
        }
    }

    /**
     * What runs that were killed left: the temporary folders of mch processes that are gone, and the
     * half-written {@code run.json.tmp} in the run directories under {@code runs} whose run is gone
     * (by the pid in their marker). Returns one line for each thing removed.
     */
    public static List<String> sweepDeadRuns(Path runs) {
        List<String> removed = new ArrayList<>(ProcessTemp.sweep(ProcessTemp.systemTemp()));
        if (!Files.isDirectory(runs)) {
            return removed;
        }
        try (Stream<Path> list = Files.list(runs)) {
            for (Path run : list.filter(d -> Files.isRegularFile(d.resolve(MARKER))).toList()) {
                Path partial = run.resolve(RunFiles.RUN_JSON + ".tmp");
                if (Files.exists(partial) && ProcessTemp.gone(pid(run.resolve(MARKER)))) {
                    Files.delete(partial);
                    removed.add("removed " + partial + " (half-written by a run that was killed)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sweep " + runs, e);
        }
        return removed;
    }

    /**
     * Removes the earlier run a build left at {@code dir}, so the build's run of the same scenario
     * can be written there, as a build replaces its earlier test reports (the Maven plugin and the
     * JUnit extension call this). Only a directory mch marked as its own run, whose process has
     * ended or is this one, is removed; anything else stays and the new run then refuses it.
     * Returns whether an earlier run was removed.
     */
    public static boolean replaceEarlierRun(Path dir) {
        Path marker = dir.resolve(MARKER);
        try {
            if (!Files.isRegularFile(marker)) {
                return false;
            }
            String pid = pid(marker);
            if (!ProcessTemp.gone(pid) && !pid.equals(Long.toString(ProcessHandle.current().pid()))) {
                return false;
            }
            try (Stream<Path> tree = Files.walk(dir)) {
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the earlier run at " + dir, e);
        }
    }

    private static String pid(Path marker) throws IOException {
        return Files.readAllLines(marker).stream().filter(l -> l.startsWith("pid ")).map(l -> l.substring(4).trim())
                .findFirst().orElse("");
    }

    private static void create(Path dir) {
        try {
            createParent(dir);
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException raced) {
            throw new Refused(dir + ": created by someone else at the same time; choose another --out");
        } catch (IOException e) {
            throw new Refused(dir + ": cannot create the run directory: " + e.getMessage());
        }
    }

    private static void createParent(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    /** The marker is created, never replaced: of two runs given one empty directory, one is refused. */
    private static void mark(Path dir) {
        try {
            Files.writeString(Files.createFile(dir.resolve(MARKER)),
                    "pid " + ProcessHandle.current().pid() + "\nstarted " + Instant.now() + "\n");
        } catch (FileAlreadyExistsException raced) {
            throw new Refused(dir + ": another mch run claimed it at the same time");
        } catch (IOException e) {
            throw new Refused(dir + ": cannot write to the run directory: " + e.getMessage());
        }
    }

    private static List<String> entries(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The directory cannot be the run's: bad input, nothing was run. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }
}
