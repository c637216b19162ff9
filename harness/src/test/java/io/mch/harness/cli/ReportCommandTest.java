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

    /** A killed run's history: its frame with the targets, probes half failing, and a line cut by the kill. */
    private Path killedRun(String name) throws Exception {
        Path runDir = Files.createDirectories(dir.resolve(name));
        Event.SloTargets targets = new Event.SloTargets(null, null, null, null, 99.0, 4.0, Map.of());
        try (HistoryLog log = HistoryLog.create(runDir.resolve("history.jsonl"))) {
            log.append(new Event.RunStarted(0, "killed", "t", "embedded", 1, 60_000, 100, 500,
                    List.of(new Event.ClusterInfo("east", "r1", "active", 1)), 1, List.of(), targets));
            for (long t = 0; t < 2_000; t += 100) {
                log.append(new Event.Probe(t, "clients", "global", "east", t < 1_000, 5, t < 1_000 ? null : "reset"));
            }
        }
        Files.writeString(runDir.resolve("history.jsonl"), "{\"type\":\"probe\",\"tMs\":2000,\"sou",
                java.nio.file.StandardOpenOption.APPEND);
        return runDir;
    }

    @Test
    void aKilledRunWithoutRunJsonIsRenderedFromItsHistoryWithVerdictsRecomputed() throws Exception {
        Path runDir = killedRun("killed");

        assertThat(MchCommand.execute("report", runDir.toString())).as(streams.err()).isEqualTo(0);

        String html = Files.readString(runDir.resolve("report.html"));
        assertThat(html).contains("killed", "availability", "50 %", "FAIL",
                "the last line of history.jsonl was cut short by the kill and is left out");
        assertThat(streams.err()).contains("run.json: not found (the run was killed)", "verdicts recomputed",
                "its last line was cut short by the kill and is left out");
        assertThat(runDir.resolve("run.json")).doesNotExist();
    }

    @Test
    void aFolderListsKilledRunsToo() throws Exception {
        killedRun("killed");
        run("done", record("finished", "2026-11-24T08:00:00Z", Verdict.PASS, 100));

        assertThat(MchCommand.execute("report", dir.toString())).isEqualTo(0);

        assertThat(streams.out()).contains("2 runs");
    }

    @Test
    void aDamagedRunJsonIsBadInputNamingTheFileAndWhatIsWrong() throws Exception {
        Path runDir = killedRun("damaged");
        Files.writeString(runDir.resolve("run.json"), "{\"scenario\": \"s\", \"seed\": token: sha256~Zk9xQ2x3bVdY");

        assertThat(MchCommand.execute("report", runDir.toString())).isEqualTo(2);

        assertThat(streams.err()).contains(runDir.resolve("run.json").toString(), "line 1, column", "nothing was written")
                .doesNotContain("Zk9xQ2x3bVdY");
        assertThat(runDir.resolve("report.html")).doesNotExist();
    }

    @Test
    void aDamagedHistoryLineIsBadInputWithItsLineNumber() throws Exception {
        Path runDir = killedRun("damaged");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(runDir.resolve("history.jsonl")));
        lines.set(3, "not json at all");
        Files.write(runDir.resolve("history.jsonl"), lines);

        assertThat(MchCommand.execute("report", runDir.toString())).isEqualTo(2);

        assertThat(streams.err()).contains(runDir.resolve("history.jsonl") + ":4: not a history event");
    }
}
