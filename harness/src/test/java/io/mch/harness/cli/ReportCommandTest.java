package io.mch.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.RunFiles;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.history.HistoryLog;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code mch report} on one run directory and on a folder of them. */
class ReportCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    private static RunRecord record(String scenario, String startedAt, Verdict verdict, double availability) {
        return new RunRecord(scenario, "t", "embedded", 1, verdict,
                List.of(new SloResult("availability", null, availability, "%", "min 99%", verdict, null)),
                List.of(), Map.of(), "Synced", List.of(), null, 1_000, 100, startedAt, "completed");
    }

    private void run(String name, RunRecord record) throws Exception {
        Path runDir = Files.createDirectories(dir.resolve(name));
        RunFiles.writeRunJson(runDir, record);
        try (HistoryLog log = HistoryLog.create(runDir.resolve("history.jsonl"))) {
            log.append(new Event.RunEnded(1_000, "completed", Map.of()));
        }
    }

    @Test
    void aFolderOfRunsGetsAnIndexNewestFirstWithRelativeLinks() throws Exception {
        run("2026-11-24T08:00:00Z old", record("first", "2026-11-24T08:00:00Z", Verdict.PASS, 99.5));
        run("b", record("newest <i>", "2026-11-24T10:00:00Z", Verdict.FAIL, 80));
        run("c", record("middle", "2026-11-24T09:00:00Z", Verdict.PASS, 100));
        Files.createDirectories(dir.resolve("not-a-run"));

        assertThat(MchCommand.execute("report", dir.toString())).isEqualTo(0);

        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html.indexOf("newest &lt;i&gt;")).isPositive().isLessThan(html.indexOf("middle"));
        assertThat(html.indexOf("middle")).isLessThan(html.indexOf("first"));
        assertThat(html).doesNotContain("<i>", "not-a-run");
        assertThat(html).contains("href=\"./b/report.html\"", "href=\"./c/report.html\"",
                "href=\"./2026-11-24T08:00:00Z%20old/report.html\"");
        assertThat(html).contains("<th>availability</th>", "80 % <span class=\"verdict FAIL\">FAIL</span>",
                "99.5 % <span class=\"verdict PASS\">PASS</span>");
        assertThat(streams.out()).contains("3 runs");
        // The single-run reports were not rewritten: only the index.
        assertThat(dir.resolve("b/report.html")).doesNotExist();
    }

    @Test
    void aRunDirectoryIsStillReRenderedAsBefore() throws Exception {
        run("one", record("alone", "2026-11-24T08:00:00Z", Verdict.PASS, 100));

        assertThat(MchCommand.execute("report", dir.resolve("one").toString())).isEqualTo(0);

        assertThat(Files.readString(dir.resolve("one/report.html"))).contains("alone");
        assertThat(dir.resolve("one/index.html")).doesNotExist();
    }

    @Test
    void aDirectoryWithNeitherExitsTwoAndSaysWhy() throws Exception {
        Files.createDirectories(dir.resolve("empty/sub"));

        assertThat(MchCommand.execute("report", dir.resolve("empty").toString())).isEqualTo(2);

        assertThat(streams.err()).contains("run.json: not found", "neither a run directory nor a folder of run directories");
        assertThat(dir.resolve("empty/index.html")).doesNotExist();
    }
}
