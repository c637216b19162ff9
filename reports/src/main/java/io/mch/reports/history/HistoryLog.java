package io.mch.reports.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mch.reports.model.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The run's {@code history.jsonl}, written while the run happens: one compact JSON event a line,
 * flushed every second by a daemon thread and on close (the first event, which says what was run, at
 * once), so a killed run still leaves the history up to its last second for judging and re-rendering.
 */
public final class HistoryLog implements AutoCloseable {

    private static final long FLUSH_PERIOD_MS = 1_000;

    private final Object lock = new Object();
    private final BufferedWriter writer;
    private final List<Event> events = new ArrayList<>();
    private final ScheduledExecutorService flusher;
    private boolean closed;

    private HistoryLog(BufferedWriter writer) {
        this.writer = writer;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mch-history-flush");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleAtFixedRate(this::flushQuietly, FLUSH_PERIOD_MS, FLUSH_PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** Starts a new history file, replacing any file of that name. */
    public static HistoryLog create(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new HistoryLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create history file " + file, e);
        }
    }

    /** Records one event; safe to call from any thread. */
    public void append(Event event) {
        String line;
        try {
            line = Json.compact().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write event " + event, e);
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("history log is closed");
            }
            try {
                writer.write(line);
                writer.write('\n');
                if (events.isEmpty()) {
                    writer.flush(); // what was run is on disk at once, before anything starts
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to history", e);
            }
            events.add(event);
        }
    }

    /** What was appended so far, in append order (a {@link History} orders it by time). */
    public List<Event> events() {
        synchronized (lock) {
            return List.copyOf(events);
        }
    }

    /** A history read from its file, and whether its last line was cut short (and so left out). */
    public record Read(History history, boolean lastLineCut) {}

    /** {@link #readFile}'s history alone. */
    public static History read(Path file) {
        return readFile(file).history();
    }

    /**
     * Reads a history file. A last line cut short (the run was killed mid-write) is left out, and
     * said so; a bad line anywhere else means the file is not a history and fails with its line number.
     */
    public static Read readFile(Path file) {
        List<String> lines;
        try {
            // Decoded leniently: a kill can cut a multi-byte character in half on the last line.
            lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read history file " + file, e);
        }
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).isBlank()) {
            last--;
        }
        List<Event> events = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                events.add(Json.compact().readValue(line, Event.class));
            } catch (JsonProcessingException e) {
                if (i == last) {
                    return new Read(new History(events), true);
                }
                throw new UncheckedIOException(file + ":" + (i + 1) + ": not a history event", e);
            }
        }
        return new Read(new History(events), false);
    }

    /** Stops the flusher, writes out what is buffered and closes the file. */
    @Override
    public void close() {
        flusher.shutdownNow();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close history file", e);
            }
        }
        awaitFlusherStopped();
    }

    private void flushQuietly() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                writer.flush();
            } catch (IOException e) {
                // The next append reports the broken file; the flusher must keep running.
            }
        }
    }

    private void awaitFlusherStopped() {
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
