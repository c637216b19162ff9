package io.mch.harness.run;

import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.RunClock;
import io.mch.harness.runtime.RunContext;
import io.mch.harness.runtime.TimeScale;
import io.mch.harness.backend.Backend;
import io.mch.reports.judge.Checkers;
import io.mch.harness.config.Scenario;
import io.mch.reports.RunFiles;
import io.mch.reports.RunRecords;
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
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One run of one scenario from start to files on disk: runs it, judges the history, writes
 * {@code run.json}, {@code history.jsonl}, {@code report.html} and {@code junit.xml}, and prints
 * the summary. It writes its files also when the run failed or was aborted, so there is always
 * something to look at.
 */
public final class ScenarioRun {

    private final Scenario scenario;
    private final long seed;
    private final Path dir;
    private final Console console;
    private final TimeScale scale;
    private final Runner runner;
    private final CountDownLatch finished = new CountDownLatch(1);

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
            String startedAt = Instant.now().toString();
            Optional<String> failure = Optional.empty();
            History history;
            try (HistoryLog log = HistoryLog.create(dir.resolve("history.jsonl"))) {
                try {
                    runner.run(scenario, new RunContext(RunClock.unstarted(scale), log::append, seed, console, dir));
                } catch (Exception e) {
                    failure = Optional.of(describe(e));
                    console.progress("the harness failed: " + failure.get());
                }
                history = new History(log.events());
            }
            List<SloResult> slos = Checkers.runAll(Checkers.forTargets(scenario.slo()), history);
            RunRecord record = RunRecords.of(history, slos, scenario.description(), startedAt);
            RunFiles.writeRunJson(dir, record);
            HtmlReport.write(dir, record, history);
            JUnitXml.write(dir, record);
            Optional.ofNullable(record.probes()).filter(p -> !p.rateKept()).ifPresent(p -> console.progress(
                    ProbeLag.describe(p) + "; a failover-time or cross-cluster-latency FAIL is UNKNOWN instead"));
            console.print(SummaryTable.render(record));
            console.print("report: " + dir.resolve("report.html") + "\n");
            return new RunOutcome(record, dir, failure);
        } finally {
            finished.countDown();
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getName() : message;
    }
}
