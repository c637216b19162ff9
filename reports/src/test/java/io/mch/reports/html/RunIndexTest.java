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
}
