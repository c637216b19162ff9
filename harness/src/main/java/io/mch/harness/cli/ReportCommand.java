package io.mch.harness.cli;

import io.mch.reports.RunFiles;
import io.mch.reports.history.History;
import io.mch.reports.history.HistoryLog;
import io.mch.reports.html.HtmlReport;
import io.mch.reports.model.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mch report RUN_DIR}: re-renders {@code report.html} from the run's recorded files. */
@Command(name = "report", description = "Rebuild report.html from a run directory's run.json and history.jsonl.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_DIR", description = "A directory written by 'mch run --out'.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        for (String name : new String[] {"run.json", "history.jsonl"}) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                System.err.println("mch: " + dir.resolve(name) + ": not found; is " + dir + " a run directory?");
                return MchCommand.BAD_INPUT;
            }
        }
        RunRecord record = RunFiles.readRunJson(dir);
        History history = HistoryLog.read(dir.resolve("history.jsonl"));
        HtmlReport.write(dir, record, history);
        System.out.println("report: " + dir.resolve("report.html"));
        return MchCommand.PASS;
    }
}
