package io.mch.harness.run;

import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.Failures;
import io.mch.harness.runtime.RunClock;
import io.mch.harness.runtime.RunContext;
import io.mch.harness.runtime.TimeScale;
import io.mch.harness.backend.Backend;
import io.mch.reports.judge.Checkers;
import io.mch.harness.config.Scenario;
import io.mch.reports.RunFiles;
import io.mch.reports.RunRecords;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.history.HistoryLog;
import io.mch.reports.html.HtmlReport;
import io.mch.reports.junit.JUnitXml;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.judge.ProbeLag;
import io.mch.reports.text.SummaryTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of one scenario from start to files on disk: runs it, judges the history, writes
 * {@code run.json}, {@code history.jsonl}, {@code report.html} and {@code junit.xml}, and prints
 * the summary. It writes its files also when the run failed, was aborted or ran out of memory, so
 * there is always something to look at: heap is set aside for writing them, and when a stopped run
 * does not end in time they are written from the history so far ({@link #writeUnfinished}).
 */
public final class ScenarioRun {

    /** Heap set aside for judging and writing when the run has used up the rest; released to write. */
    private static final int RESERVE_BYTES = 16 << 20;

    private final Scenario scenario;
    private final long seed;
    private final Path dir;
    private final Console console;
    private final TimeScale scale;
    private final Runner runner;
    private final CountDownLatch finished = new CountDownLatch(1);
    /** Whoever writes the files first: the run's own end, or {@link #writeUnfinished} at a stop's deadline. */
    private final AtomicBoolean writing = new AtomicBoolean();
    @SuppressWarnings("unused") // held only to be released
    private volatile byte[] reserve = new byte[RESERVE_BYTES];
    private volatile HistoryLog log;
    private volatile RunClock clock;
    /** The history is closed: what the still-running parts record after it is dropped. */
    private volatile boolean sealed;
    private volatile String startedAt;

    /** A run in {@code dir}, which must be new or empty (see {@link RunDirectory#claim}). */
    public ScenarioRun(Scenario scenario, Backend backend, long seed, Path dir, Console console) {
        this(scenario, backend, seed, dir, console, TimeScale.REAL);
    }

    /** A run compressed by {@code scale} (see {@link TimeScale}); the backend takes the scale from the run. */
    public ScenarioRun(Scenario scenario, Backend backend, long seed, Path dir, Console console, TimeScale scale) {
        this(scenario, backend, seed, RunDirectory.claim(dir), console, scale);
    }

    /** A run in a directory already claimed for it. */
    public ScenarioRun(Scenario scenario, Backend backend, long seed, RunDirectory dir, Console console, TimeScale scale) {
        this.scenario = scenario;
        this.seed = seed;
        this.dir = dir.path();
        this.console = console;
        this.scale = scale;
        this.runner = new Runner(backend);
    }

    /** Ends the run early (SIGINT/SIGTERM); {@link #execute()} then heals, judges and writes as usual. */
    public void abort() {
        runner.abort();
    }

    /** Waits until {@link #execute()} has written everything and closed everything. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public RunOutcome execute() throws IOException {
        try {
            startedAt = Instant.now().toString();
            Optional<String> failure = Optional.empty();
            try (HistoryLog opened = HistoryLog.create(dir.resolve("history.jsonl"))) {
                log = opened;
                RunContext context = new RunContext(RunClock.unstarted(scale), this::record, seed, console, dir);
                clock = context.clock();
                try {
                    runner.run(scenario, context);
                } catch (Exception | Error e) { // an OutOfMemoryError too: the files are written all the same
                    reserve = null;
                    failure = Optional.of(Failures.describe(e));
                    console.progress("the harness failed: " + failure.get());
                    if (opened.events().stream().noneMatch(Event.RunEnded.class::isInstance)) {
                        record(new Event.RunEnded(clock.ms(), "failed: " + failure.get(), Map.of()));
                    }
                }
            }
            if (!writing.compareAndSet(false, true)) {
                throw new IllegalStateException("the run did not end in time; its files were written from its history so far");
            }
            return write(failure);
        } finally {
            finished.countDown();
        }
    }

    /**
     * Writes the files from the history so far, for a run stopped by a signal that did not end in
     * time (a heal or a call that hangs, a machine out of memory): records the run's end with
     * {@code reason}, closes the history (what the run's parts record after it is dropped), judges it
     * and writes the files. Returns false, writing nothing, when the run's own end is writing them.
     */
    public boolean writeUnfinished(String reason) throws IOException {
        reserve = null;
        HistoryLog opened = log;
        if (opened == null || !writing.compareAndSet(false, true)) {
            return false;
        }
        console.progress("the run did not end in time: writing its files from the history so far");
        sealed = true;
        opened.append(new Event.RunEnded(clock.ms(), reason, Map.of()));
        opened.close();
        write(Optional.of(reason));
        return true;
    }

    private void record(Event event) {
        if (sealed) {
            return;
        }
        try {
            log.append(event);
        } catch (IllegalStateException closed) {
            if (!sealed) {
                throw closed;
            }
        }
    }

    /**
     * Judges the history and writes the files, the quick ones first: {@code run.json} and
     * {@code junit.xml}, so that a report that cannot be drawn (memory, or a stop's deadline) still
     * leaves the record; {@code ./mch report} draws it again.
     */
    private RunOutcome write(Optional<String> failure) throws IOException {
        reserve = null;
        History history = new History(log.events());
        List<SloResult> slos = Checkers.runAll(Checkers.forTargets(scenario.slo()), history);
        RunRecord record = RunRecords.of(history, slos, scenario.description(), startedAt);
        RunFiles.writeRunJson(dir, record);
        JUnitXml.write(dir, record);
        try {
            HtmlReport.write(dir, record, history);
        } catch (OutOfMemoryError e) {
            console.progress("report.html not written (out of memory); ./mch report " + dir + " draws it");
            failure = Optional.of(failure.map(f -> f + "; ").orElse("") + "the report was not written: out of memory");
        }
        Optional.ofNullable(record.probes()).filter(p -> !p.rateKept()).ifPresent(p -> console.progress(
                ProbeLag.describe(p) + "; a failover-time, cross-cluster-latency or availability FAIL is UNKNOWN instead"));
        console.print(SummaryTable.render(record));
        console.print("report: " + dir.resolve("report.html") + "\n");
        return new RunOutcome(record, dir, failure);
    }
}
