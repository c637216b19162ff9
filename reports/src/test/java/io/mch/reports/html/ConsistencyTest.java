package io.mch.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.SampleRun;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsistencyTest {

    /** Two pairs sampled each second of a 10 s run; the healed fault at 4 s; {@code b} matches again at 6.2 s. */
    private static History history(boolean converges) {
        List<Event> events = new ArrayList<>();
        events.add(new Event.FaultStarted(2_000, 0, "partition", null));
        events.add(new Event.FaultHealed(4_000, 0, "partition"));
        for (long s = 0; s < 10; s++) {
            long t = s * 1000 + 200;
            boolean bMatches = s < 3 || (converges && s >= 6);
            events.add(new Event.ConsistencySample(t, "us-east", "cm/a", true, false));
            events.add(new Event.ConsistencySample(t + 150, "eu-west", "cm/b", bMatches, false));
        }
        events.add(new Event.RunEnded(10_000, "completed", java.util.Map.of()));
        return new History(events);
    }

    @Test
    void eachSamplingSecondShowsTheShareOfMatchingPairsAndConvergenceIsTimedFromTheLastHeal() {
        Consistency consistency = Consistency.of(history(true), 10_000);

        assertThat(consistency.samples()).hasSize(10);
        assertThat(consistency.samples()).extracting(Consistency.Sample::title).startsWith(
                "0 s: 2/2 pairs match (100%)", "1 s: 2/2 pairs match (100%)", "2 s: 2/2 pairs match (100%)",
                "3 s: 1/2 pairs match (50%)");
        assertThat(consistency.samples().get(3).style()).isEqualTo("fill:hsl(60,70%,45%)");
        assertThat(consistency.samples().get(3).x()).isEqualTo("30.000%");
        // Labels only where the share changes.
        assertThat(consistency.samples()).extracting(Consistency.Sample::label)
                .containsExactly("100%", "", "", "50%", "", "", "100%", "", "", "");
        // Round 6 s completed at 6.35 s, 2.35 s after the heal at 4 s.
        assertThat(consistency.convergence()).isEqualTo("converged 2.350 s after the last heal");
    }

    @Test
    void aPairThatStaysOutOfSyncNeverConverges() {
        assertThat(Consistency.of(history(false), 10_000).convergence()).isEqualTo("did not converge after the last heal");
    }

    @Test
    void theReportDrawsTheRowAndStatesConvergence() {
        List<Event> events = new ArrayList<>(history(true).events());
        events.add(new Event.ConsistencySample(9_300, "ap-south", "cm/a", false, true));
        String html = HtmlReport.render(SampleRun.record("s", List.of()), new History(events));

        assertThat(html).contains("<svg class=\"consistency\"", "style=\"fill:hsl(60,70%,45%)\"",
                "3 s: 1/2 pairs match (50%)", "9 s: 2/3 pairs match (67%)",
                "<b class=\"convergence\">converged 2.350 s after the last heal</b>");
        assertThat(HtmlReport.render(SampleRun.record("s", List.of()), SampleRun.history()))
                .contains("No consistency sample was recorded.");
    }
}
