package io.mch.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.SampleRun;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.judge.ConsistencyTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's config-consistency section, drawn from {@link io.mch.reports.judge.Consistency}. */
class ConsistencySectionTest {

    @Test
    void theReportChartsTheShareAndMarksConvergence() {
        List<Event> events = new ArrayList<>(ConsistencyTest.history(true).events());
        events.add(new Event.ConsistencySample(9_300, "ap-south", "cm/a", false, true));
        String html = HtmlReport.render(SampleRun.record("s", List.of()), new History(events));

        assertThat(HtmlReportTest.svg(html, "chart-consistency")).contains("s: config consistency",
                "converged 2.350 s after the last heal", "#0 partition");
        assertThat(html).contains("<b class=\"convergence\">converged 2.350 s after the last heal</b>");
        assertThat(HtmlReport.render(SampleRun.record("s", List.of()), SampleRun.history()))
                .contains("No consistency sample was recorded.")
                .doesNotContain("chart-consistency");
    }
}
