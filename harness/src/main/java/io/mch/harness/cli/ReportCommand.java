package io.mch.harness.cli;

import io.mch.reports.RunFiles;
import io.mch.reports.history.History;
import io.mch.reports.history.HistoryLog;
import io.mch.reports.html.HtmlReport;
import io.mch.reports.html.RunIndex;
import io.mch.reports.model.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code mch report DIR}: re-renders {@code report.html} from a run directory's recorded files, or,
 * given a folder of run directories, writes {@code index.html} listing them all, with a trend chart
 * for every scenario run more than once.
 */
@Command(name = "report", description = {
    "Rebuild report.html from a run directory's run.json and history.jsonl,",
    "or write index.html (runs, and trends per scenario run more than once)",
    "for a directory whose subfolders are run directories."})
final class ReportCommand implements Callable<Integer> {

    private static final String HISTORY = "history.jsonl";

    @Parameters(paramLabel = "DIR", description = "A directory written by 'mch run --out', or a folder of them.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (Files.isRegularFile(dir.resolve(RunFiles.RUN_JSON))) {
            return report(dir);
        }
        List<Path> runs = runDirectories();
        if (runs.isEmpty()) {
            System.err.println("mch: " + dir.resolve(RunFiles.RUN_JSON) + ": not found, and no subfolder of " + dir
                    + " holds one: it is neither a run directory nor a folder of run directories");
            return MchCommand.BAD_INPUT;
        }
        return index(runs);
    }

    private int report(Path runDir) {
        if (!Files.isRegularFile(runDir.resolve(HISTORY))) {
            System.err.println("mch: " + runDir.resolve(HISTORY) + ": not found; is " + runDir + " a run directory?");
            return MchCommand.BAD_INPUT;
        }
        RunRecord record = RunFiles.readRunJson(runDir);
        History history = HistoryLog.read(runDir.resolve(HISTORY));
        HtmlReport.write(runDir, record, history);
        System.out.println("report: " + runDir.resolve(HtmlReport.FILE));
        return MchCommand.PASS;
    }

    /** Subfolders holding a run.json; a run.json that cannot be read is reported and left out. */
    private int index(List<Path> runDirs) {
        List<RunIndex.Run> runs = new ArrayList<>();
        for (Path runDir : runDirs) {
            try {
                runs.add(new RunIndex.Run(runDir.getFileName().toString(), RunFiles.readRunJson(runDir)));
            } catch (UncheckedIOException e) {
                System.err.println("mch: " + e.getMessage() + ": " + e.getCause().getMessage() + "; left out of the index");
            }
        }
        RunIndex.write(dir, runs);
        System.out.println("index: " + dir.resolve(RunIndex.FILE) + " (" + runs.size() + " runs)");
        return MchCommand.PASS;
    }

    private List<Path> runDirectories() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(c -> Files.isRegularFile(c.resolve(RunFiles.RUN_JSON))).sorted().toList();
        }
    }
}
