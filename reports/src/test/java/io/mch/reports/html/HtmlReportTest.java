package io.mch.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.SampleRun;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.judge.WarmUp;
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
    void theReportLeadsWithTheSloTableAndDrawsTheRunAsCharts() {
        String html = HtmlReport.render(SampleRun.record("ap-partition", SampleRun.slos()), SampleRun.history());

        assertThat(html).contains("<h1>ap-partition", "active-passive", "embedded", "<b>42</b>");
        assertThat(html).contains("class=\"verdict big FAIL\"");
        // The SLO table comes before the charts.
        assertThat(html.indexOf("<table class=\"slos\">")).isPositive().isLessThan(html.indexOf("<svg"));
        assertThat(html).contains("2000 ms", "79.8 ms (p99)", "max 50ms", "-29.8 ms", "+118000 ms", "-19.9 pp");
        // Right after it: the topology diagram, then the error budget, then the traffic chart.
        assertThat(html.indexOf("<svg id='topology'")).isGreaterThan(html.indexOf("<table class=\"slos\">"))
                .isLessThan(html.indexOf("Error budget"));
        assertThat(html.indexOf("Error budget")).isLessThan(html.indexOf("chart-traffic"));
        assertThat(html).contains("<li>99.99% allows 52 min 34 s a year: 1577 incidents of 2 s</li>");
        // The traffic chart names the scenario, the fault and both serving clusters; no cross probes, no latency chart.
        String traffic = svg(html, "chart-traffic");
        assertThat(traffic).contains("ap-partition: global traffic", "#0 partition", ">us-east<", ">eu-west<",
                "success rate (%)", "latency p99 (ms)");
        assertThat(html).doesNotContain("chart-cross-latency");
        assertThat(html).contains("health check failed 3 times", "node-1", "NotReady", "#0 partition healed");
        assertThat(html).contains("clients → global", "timeout");
        // Self-contained: nothing is fetched (the only URLs are the SVG namespaces).
        assertThat(html).doesNotContain("https://", "<link", "<script", "src=", "href=\"http", "url(http");
    }

    @Test
    void theFailoverIntervalIsLabelledWithItsLengthAndResolution() {
        String html = HtmlReport.render(SampleRun.record("ap-partition", SampleRun.slos()), SampleRun.history());

        // Probes fail from 3 s and succeed from 5 s on: a 2 s failover.
        assertThat(svg(html, "chart-traffic")).contains("#0 failover 2 s, resolution 100 ms (probe interval)");
    }

    @Test
    void aFaultThatNeverRecoveredIsMarkedAndOneThatDisruptedNothingIsNot() {
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

        String traffic = svg(HtmlReport.render(SampleRun.record("s", List.of()), new History(events)), "chart-traffic");

        assertThat(traffic).contains("#1 never recovered, resolution 250 ms (probe interval)",
                "#1 cluster-loss (never healed)", "#0 latency");
        assertThat(traffic).doesNotContain("#0 failover", "#0 never recovered");
    }

    @Test
    void aFailedRunOpensWithABannerNamingTheFailedSlosAndTheFaultBehindThem() {
        List<Event> events = new ArrayList<>(SampleRun.history().events());
        events.add(new Event.Probe(3_500, "us-east", "eu-west", "eu-west", true, 79.8, null));
        String html = HtmlReport.render(SampleRun.record("ap-partition", SampleRun.slos()), new History(events));

        int banner = html.indexOf("<div class=\"banner FAIL\"");
        assertThat(banner).isPositive().isLessThan(html.indexOf("<h1>")).isLessThan(html.indexOf("<table"));
        String text = html.substring(banner, html.indexOf("</div>", banner));
        assertThat(text).contains(
                "<b>availability</b> FAIL: 80 % (target min 99.9%)",
                "global probes first failed at 3 s (timeout), during fault #0 partition (us-east cut off) from 3 s to 8 s",
                "<b>cross-cluster-latency</b> FAIL",
                "us-east → eu-west first took 79.8 ms at 3.500 s, during fault #0 partition",
                "<b>config-consistency</b> UNKNOWN", "no settled consistency sample");
        // FAIL lines come before UNKNOWN ones; a passing SLO is not in the banner.
        assertThat(text.indexOf("availability")).isLessThan(text.indexOf("config-consistency"));
        assertThat(text).doesNotContain("failover-time");
        assertThat(HtmlReport.render(SampleRun.record("ok", List.of(SampleRun.slos().get(0))), SampleRun.history()))
                .doesNotContain("class=\"banner");
    }

    @Test
    void recordedTextIsEscapedNeverRaw() {
        String evil = "<script>alert(1)</script>";
        RunRecord run = SampleRun.record(evil, List.of(
                new SloResult("availability", null, 50.0, "%", "min 99.9%", Verdict.FAIL, "error " + evil)));
        History history = new History(List.of(
                new Event.RunStarted(0, evil, "t", "embedded", 1, 2_000, 100, 500, List.of()),
                new Event.FaultStarted(0, 0, "partition", evil),
                new Event.Serving(10, evil, evil),
                new Event.Probe(2 * WarmUp.WALL_MS, evil, "<b>x</b>", "<b>x</b>", true, 5, null),
                new Event.Probe(200, "clients", "global", evil, false, 5, evil),
                new Event.ConsistencySample(300, evil, evil, true, true)));

        String html = HtmlReport.render(run, history);

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).doesNotContain("<script", "<b>x</b>");
        // Inside the charts too: the scenario in each title, the cluster in the serving strip and the legend.
        for (String chart : List.of("chart-traffic", "chart-cross-latency", "chart-consistency")) {
            assertThat(svg(html, chart)).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
        assertThat(svg(html, "chart-cross-latency")).contains("&lt;b&gt;x&lt;/b&gt;");
    }

    @Test
    void anEmptyHistoryStillRendersAndWriteProducesTheFile() throws Exception {
        RunRecord run = SampleRun.record("empty", List.of());
        HtmlReport.write(dir, run, new History(List.of()));
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("No SLO was judged.", "The history holds no events.", "UNKNOWN");
    }

    /** The chart's {@code <svg>} element. */
    static String svg(String html, String id) {
        int start = html.indexOf("<svg id='" + id + "'");
        assertThat(start).as("chart " + id).isNotNegative();
        return html.substring(start, html.indexOf("</svg>", start) + 6);
    }
}
