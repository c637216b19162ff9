package io.mch.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.SampleRun;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void theReportLeadsWithTheSloTableAndDrawsTheRunOnOneAxis() {
        String html = HtmlReport.render(SampleRun.record("ap-partition", SampleRun.slos()), SampleRun.history());

        assertThat(html).contains("<h1>ap-partition", "active-passive", "embedded", "<b>42</b>");
        assertThat(html).contains("class=\"verdict big FAIL\"");
        // The SLO table comes before the timeline and every other section.
        assertThat(html.indexOf("<table class=\"slos\">")).isPositive().isLessThan(html.indexOf("<svg"));
        assertThat(html).contains("2000 ms", "79.8 ms (p99)", "max 50ms", "-29.8 ms", "+118000 ms", "-19.9 pp");
        // The fault from 3 s to 8 s of a 10 s run is a bar from 30% to 80%.
        assertThat(html).contains("class=\"healed\" x=\"30.000%\"", "width=\"50.000%\"");
        // Seconds 3 and 4 had only failed probes; second 0 only good ones.
        assertThat(html).contains("class=\"down\" x=\"30.000%\"", "class=\"down\" x=\"40.000%\"",
                "class=\"ok\" x=\"0.000%\"");
        assertThat(html).doesNotContain("class=\"partial\"");
        // Serving: us-east from 0 to 5 s, then eu-west.
        assertThat(html).contains("class=\"c0\" x=\"0.000%\"", "class=\"c1\" x=\"50.000%\"");
        assertThat(html).contains("health check failed 3 times", "node-1", "NotReady", "#0 partition healed");
        assertThat(html).doesNotContain("http://", "https://", "<link", "<script");
    }

    @Test
    void theFailoverIntervalRunsFromTheFaultToTheFirstSecondOfServedTraffic() {
        String html = HtmlReport.render(SampleRun.record("ap-partition", SampleRun.slos()), SampleRun.history());

        // Probes fail from 3 s and succeed from 5 s on: a 2 s failover bar from 30% of the run, 20% wide.
        assertThat(html).contains("class=\"failover\" x=\"30.000%\"", "width=\"20.000%\"",
                "failover 2 s, resolution 100 ms (probe interval)");
    }

    @Test
    void aFaultThatNeverRecoveredSpansToTheEndAndOneThatDisruptedNothingHasNoSpan() {
        List<Event> events = new ArrayList<>();
        events.add(new Event.RunStarted(0, "s", "t", "embedded", 1, 4_000, 250, 500, List.of()));
        events.add(new Event.FaultStarted(500, 0, "latency", null));
        events.add(new Event.FaultHealed(900, 0, "latency"));
        events.add(new Event.FaultStarted(2_000, 1, "cluster-loss", null));
        for (long t = 0; t < 4_000; t += 250) {
            // Good until 2.5 s, then one good probe among failures: never a full second of success.
            boolean ok = t < 2_500 || t == 3_000;
            events.add(new Event.Probe(t, "clients", "global", null, ok, 10, null));
        }
        events.add(new Event.RunEnded(4_000, "completed", Map.of()));

        String html = HtmlReport.render(SampleRun.record("s", List.of()), new History(events));

        assertThat(html).contains("class=\"unrecovered\" x=\"50.000%\"", "width=\"50.000%\"",
                "never recovered, resolution 250 ms (probe interval)");
        assertThat(html).doesNotContain("class=\"failover\" x=", "class=\"unrecovered\" x=\"12.500%\"");
    }

    @Test
    void recordedTextIsEscapedNeverRaw() {
        String evil = "<script>alert(1)</script>";
        RunRecord run = SampleRun.record(evil, List.of(
                new SloResult("availability", null, 50.0, "%", "min 99.9%", Verdict.FAIL, "error " + evil)));
        History history = new History(List.of(
                new Event.FaultStarted(0, 0, "partition", evil),
                new Event.Serving(10, "<b>x</b>", evil)));

        String html = HtmlReport.render(run, history);

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).doesNotContain("<script", "<b>x</b>");
    }

    @Test
    void anEmptyHistoryStillRendersAndWriteProducesTheFile() throws Exception {
        RunRecord run = SampleRun.record("empty", List.of());
        HtmlReport.write(dir, run, new History(List.of()));
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("No SLO was judged.", "The history holds no events.", "UNKNOWN");
    }
}
