package io.mch.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.SampleRun;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunIndexTest {

    private static RunRecord started(String scenario, String startedAt, List<SloResult> slos) {
        RunRecord r = SampleRun.record(scenario, slos);
        return new RunRecord(r.scenario(), r.topology(), r.backend(), r.seed(), r.verdict(), r.slos(), r.faults(),
                r.clusterStatus(), r.syncStatus(), r.health(), r.description(), r.durationMs(), r.probeIntervalMs(),
                startedAt, r.endReason());
    }

    @Test
    void runsAreNewestFirstWithUndatedRunsLastAndOneColumnPerSlo() {
        String html = RunIndex.render(List.of(
                new RunIndex.Run("undated", started("undated-run", null, List.of())),
                new RunIndex.Run("older", started("older-run", "2026-11-24T09:00:00+01:00", SampleRun.slos())),
                new RunIndex.Run("newer", started("newer-run", "2026-11-24T08:30:00Z", List.of(
                        new SloResult("availability", null, 100.0, "%", "min 99%", Verdict.PASS, null))))));

        // 09:00+01:00 is 08:00Z, so it is older than 08:30Z whatever the strings say.
        assertThat(html.indexOf("newer-run")).isPositive().isLessThan(html.indexOf("older-run"));
        assertThat(html.indexOf("older-run")).isLessThan(html.indexOf("undated-run"));
        assertThat(html).contains("<th>failover-time</th>", "<th>cross-cluster-latency</th>", "<th>availability</th>",
                "2000 ms <span class=\"verdict PASS\">PASS</span>", "79.8 ms (p99) <span class=\"verdict FAIL\">FAIL</span>",
                "<td class=\"empty\">—</td>", "href=\"./newer/report.html\"");
    }

    @Test
    void namesAreEscapedAndLinksEncoded() {
        String html = RunIndex.render(List.of(new RunIndex.Run("a\"><script>b",
                started("<script>alert(1)</script>", "2026-11-24T08:30:00Z", List.of()))));

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "href=\"./a%22%3E%3Cscript%3Eb/report.html\"");
        assertThat(html).doesNotContain("<script");
    }

    private static List<SloResult> slos(double failoverMs, double latencyMs, double availability) {
        return List.of(
                new SloResult("failover-time", null, failoverMs, "ms", "max 2m", Verdict.PASS, null),
                new SloResult("cross-cluster-latency", 99, latencyMs, "ms", "max 50ms", Verdict.PASS, null),
                new SloResult("availability", null, availability, "%", "min 99%", Verdict.PASS, null));
    }

    @Test
    void aScenarioRunMoreThanOnceGetsATrendOfFailoverLatencyAndAvailability() {
        String evil = "<script>alert(1)</script>";
        String html = RunIndex.render(List.of(
                new RunIndex.Run("a1", started("ap-partition", "2026-11-22T03:00:00Z", slos(31_250, 12.5, 99.2))),
                new RunIndex.Run("a2", started("ap-partition", "2026-11-23T03:00:00Z", slos(33_000, 14, 99.4))),
                new RunIndex.Run("a3", started("ap-partition", "2026-11-24T03:00:00Z", slos(40_500, 19, 98.7))),
                new RunIndex.Run("e1", started(evil, "2026-11-23T03:00:00Z", slos(1_000, 1, 100))),
                new RunIndex.Run("e2", started(evil, null, List.of())),
                new RunIndex.Run("once", started("run-once", "2026-11-24T03:00:00Z", slos(1_000, 1, 100)))));

        assertThat(html).contains("<h2>Trends</h2>");
        String trend = HtmlReportTest.svg(html, "trend-2");
        assertThat(trend).contains("ap-partition: trend over 3 runs", "11-22 03:00", "11-24 03:00",
                "target max 2m", "target max 50ms", "target min 99%");
        // Scenarios in name order; escaped inside the chart; a run without a start time is labelled by its directory; one run: no trend.
        assertThat(HtmlReportTest.svg(html, "trend-1")).contains("&lt;script&gt;alert(1)&lt;/script&gt;: trend over 2 runs",
                ">e2<");
        assertThat(html).doesNotContain("<script", "trend-3", "run-once: trend");
        assertThat(RunIndex.render(List.of(new RunIndex.Run("x", started("x", null, List.of())))))
                .doesNotContain("Trends", "<svg");
    }
}
