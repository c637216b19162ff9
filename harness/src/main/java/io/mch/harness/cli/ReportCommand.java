package io.mch.harness.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mch.reports.judge.Checkers;
import io.mch.reports.judge.SloTargets;
import io.mch.reports.model.Redaction;
import io.mch.reports.ExploreFiles;
import io.mch.reports.RunFiles;
import io.mch.reports.RunRecords;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.history.HistoryLog;
import io.mch.reports.html.ExplorePage;
import io.mch.reports.html.HtmlReport;
import io.mch.reports.html.RunIndex;
import io.mch.reports.model.ExploreRecord;
import io.mch.reports.model.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code mch report DIR}: re-renders {@code report.html} from a run directory's recorded files, or,
 * given a folder of run directories, writes {@code index.html} listing them all, with a trend chart
 * for every scenario run more than once. A run killed before it wrote {@code run.json} is rendered
 * from its history alone, its verdicts recomputed from the SLO targets the history recorded. A
 * damaged file is bad input (exit 2), named with what is wrong with it. Over explore directories it
 * writes {@code explore.html}, merging shards into one summary.
 */
@Command(name = "report", description = {
    "Rebuild report.html from a run directory's run.json and history.jsonl (a killed run without",
    "run.json: from its history, verdicts recomputed), or write index.html (runs, and trends per",
    "scenario run more than once) for a directory whose subfolders are run directories.",
    "Over an 'mch explore' directory, or a folder of them (the shards of a search), write explore.html:",
    "one summary naming the smallest breach."})
final class ReportCommand implements Callable<Integer> {

    private static final String HISTORY = "history.jsonl";

    @Parameters(paramLabel = "DIR", description = "A directory written by 'mch run --out' or 'mch explore --out', or a folder of them.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (isRun(dir)) {
            return report(dir);
        }
        if (ExploreFiles.isExplore(dir)) {
            return explore(List.of(dir));
        }
        List<Path> searches = subfolders(ExploreFiles::isExplore);
        if (!searches.isEmpty()) {
            return explore(searches);
        }
        List<Path> runs = subfolders(ReportCommand::isRun);
        if (runs.isEmpty()) {
            System.err.println("mch: " + dir.resolve(RunFiles.RUN_JSON) + ": not found, nor " + HISTORY + ", and no"
                    + " subfolder of " + dir + " holds either: it is neither a run directory nor a folder of run directories");
            return MchCommand.BAD_INPUT;
        }
        return index(runs);
    }

    private int report(Path runDir) {
        if (!Files.isRegularFile(runDir.resolve(HISTORY))) {
            System.err.println("mch: " + runDir.resolve(HISTORY) + ": not found; is " + runDir + " a run directory?");
            return MchCommand.BAD_INPUT;
        }
        try {
            HistoryLog.Read read = HistoryLog.readFile(runDir.resolve(HISTORY));
            RunRecord record = record(runDir, read);
            HtmlReport.write(runDir, record, read.history());
        } catch (UncheckedIOException | Damaged e) {
            System.err.println("mch: " + damage(e) + "; nothing was written");
            return MchCommand.BAD_INPUT;
        }
        System.out.println("report: " + runDir.resolve(HtmlReport.FILE));
        return MchCommand.PASS;
    }

    /** Subfolders that are run directories; one whose files cannot be read is reported and left out. */
    private int index(List<Path> runDirs) {
        List<RunIndex.Run> runs = new ArrayList<>();
        for (Path runDir : runDirs) {
            try {
                RunRecord record = Files.isRegularFile(runDir.resolve(RunFiles.RUN_JSON))
                        ? RunFiles.readRunJson(runDir)
                        : record(runDir, HistoryLog.readFile(runDir.resolve(HISTORY)));
                runs.add(new RunIndex.Run(runDir.getFileName().toString(), record));
            } catch (UncheckedIOException | Damaged e) {
                System.err.println("mch: " + damage(e) + "; left out of the index");
            }
        }
        RunIndex.write(dir, runs);
        System.out.println("index: " + dir.resolve(RunIndex.FILE) + " (" + runs.size() + " runs)");
        return MchCommand.PASS;
    }

    /**
     * {@code explore.html} over one explore directory, or merged over several (the shards of a search,
     * each in a subfolder), naming the smallest breach of them all; a damaged {@code explore.json} is
     * reported and left out.
     */
    private int explore(List<Path> dirs) {
        List<ExplorePage.Search> searches = new ArrayList<>();
        for (Path searchDir : dirs) {
            try {
                String relative = dir.toAbsolutePath().normalize().relativize(searchDir.toAbsolutePath().normalize())
                        .toString().replace('\\', '/');
                searches.add(new ExplorePage.Search(relative, ExploreFiles.read(searchDir)));
            } catch (UncheckedIOException e) {
                System.err.println("mch: " + damage(e) + "; left out of the summary");
            }
        }
        if (searches.isEmpty()) {
            System.err.println("mch: no readable " + ExploreFiles.EXPLORE_JSON + " in " + dir + "; nothing was written");
            return MchCommand.BAD_INPUT;
        }
        ExplorePage.write(dir, searches);
        int tries = searches.stream().mapToInt(s -> s.record().tries().size()).sum();
        int runs = searches.stream().mapToInt(s -> s.record().runs()).sum();
        System.out.println("explore: " + dir.resolve(ExplorePage.FILE) + " (" + searches.size() + " search(es), " + tries
                + " tries, " + runs + " runs)");
        System.out.println(ExplorePage.smallest(searches).map(s -> {
            ExploreRecord.Finding f = s.record().finding();
            return "smallest breach: " + f.slo() + " with " + f.faults() + " fault(s) " + f.schedule() + " (shard "
                    + s.record().shard() + ", seed " + s.record().seed() + ", try " + f.tryNumber() + "): "
                    + s.link(f.file()) + "; " + f.replaysBroke() + " of " + f.replays() + " replays broke it";
        }).orElse("no breach found in " + tries + " tries"));
        return MchCommand.PASS;
    }

    /**
     * The run's {@code run.json}, else (a killed run) the record rebuilt from its history, whose end
     * reason says so when the kill cut the history's last line short.
     */
    private static RunRecord record(Path runDir, HistoryLog.Read read) {
        if (Files.isRegularFile(runDir.resolve(RunFiles.RUN_JSON))) {
            return RunFiles.readRunJson(runDir);
        }
        History history = read.history();
        Event.RunStarted start = history.start().orElseThrow(() -> new Damaged(runDir.resolve(HISTORY)
                + ": no run-started event, so nothing says what was run"));
        if (start.slo() == null) {
            throw new Damaged(runDir.resolve(RunFiles.RUN_JSON) + ": not found, and " + runDir.resolve(HISTORY)
                    + " was written by an mch that did not record SLO targets: verdicts cannot be recomputed");
        }
        System.err.println("mch: " + runDir.resolve(RunFiles.RUN_JSON) + ": not found (the run was killed);"
                + " rendering from " + HISTORY + " with verdicts recomputed");
        RunRecord record = RunRecords.of(history,
                Checkers.runAll(Checkers.forTargets(SloTargets.of(start.slo())), history), null, null);
        if (read.lastLineCut()) {
            System.err.println("mch: " + runDir.resolve(HISTORY) + ": its last line was cut short by the kill and is left out");
            return record.withEndReason(record.endReason() + "; the last line of " + HISTORY
                    + " was cut short by the kill and is left out");
        }
        return record;
    }

    /** Which file is damaged and how, without quoting what it holds beyond a redacted parser message. */
    private static String damage(RuntimeException e) {
        Throwable cause = e.getCause();
        String how = cause instanceof JsonProcessingException json
                ? json.getOriginalMessage().lines().findFirst().orElse("not JSON")
                        + (json.getLocation() == null ? "" : " (line " + json.getLocation().getLineNr()
                                + ", column " + json.getLocation().getColumnNr() + ")")
                : cause == null ? null : cause.getMessage();
        return Redaction.clean(e.getMessage() + (how == null ? "" : ": " + how));
    }

    private static boolean isRun(Path candidate) {
        return Files.isRegularFile(candidate.resolve(RunFiles.RUN_JSON)) || Files.isRegularFile(candidate.resolve(HISTORY));
    }

    private List<Path> subfolders(Predicate<Path> kind) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(kind).sorted().toList();
        }
    }

    /** A run directory whose files say too little to render. */
    private static final class Damaged extends RuntimeException {
        Damaged(String message) {
            super(message);
        }
    }
}
