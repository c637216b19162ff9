package io.mch.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.SampleRun;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.judge.CrossClusterLatencyChecker;
import io.mch.reports.judge.SloText;
import io.mch.reports.judge.WarmUp;
import io.mch.reports.model.LatencyBreakdown;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyMatrixTest {

    /** After the warm-up of traffic that starts at 0. */
    private static final long WARM = WarmUp.WALL_MS;

    private static History crossProbes(String slowSource) {
        List<Event> events = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            events.add(new Event.Probe(WARM + i * 10L, slowSource, "eu-west", "eu-west", true, i, null));
            events.add(new Event.Probe(WARM + i * 10L, "eu-west", "us-east", "us-east", true, 10, null));
        }
        // A failed probe's latency is its timeout: it must not reach the percentiles.
        events.add(new Event.Probe(WARM + 5, "eu-west", "us-east", null, false, 5_000, "timeout"));
        events.add(new Event.Probe(0, "clients", "global", "us-east", true, 9_999, null));
        // A warm-up probe (the first seconds of traffic) must not reach them either.
        events.add(new Event.Probe(5, "eu-west", "us-east", "us-east", true, 1_500, null));
        return new History(events);
    }

    @Test
    void eachPairShowsItsPercentilesOfSuccessfulProbesColouredByValue() {
        LatencyMatrix matrix = LatencyMatrix.of(crossProbes("us-east"));

        assertThat(matrix.targets()).containsExactly("eu-west", "us-east");
        assertThat(matrix.rows()).extracting(LatencyMatrix.Row::source).containsExactly("eu-west", "us-east");
        LatencyMatrix.Cell slow = matrix.rows().get(1).cells().get(0);
        assertThat(slow.count()).isEqualTo(100);
        assertThat(slow.p50().text()).isEqualTo("50 ms");
        assertThat(slow.p99().text()).isEqualTo("99 ms");
        // The highest p99 of the table is the red end of the scale.
        assertThat(slow.p99().style()).isEqualTo("background-color:hsl(0,75%,70%)");
        assertThat(slow.p50().style()).isEqualTo("background-color:hsl(59,75%,77%)");
        LatencyMatrix.Cell fast = matrix.rows().get(0).cells().get(1);
        assertThat(fast.count()).isEqualTo(100);
        assertThat(fast.p99().text()).isEqualTo("10 ms");
        assertThat(fast.p99().style()).isEqualTo("background-color:hsl(108,75%,83%)");
        // eu-west never called itself.
        assertThat(matrix.rows().get(0).cells().get(0).count()).isZero();
    }

    @Test
    void eachCellShowsThePercentileTheSloJudges() {
        // Around a second, where microsecond histogram buckets are 32 and 64 µs wide: a percentile
        // taken from the raw samples would read 0.1 ms lower than the histogram's.
        List<Event> events = new ArrayList<>(List.of(new Event.Probe(0, "clients", "global", "us-east", true, 10, null)));
        for (int i = 0; i < 100; i++) {
            events.add(new Event.Probe(WARM + i * 10L, "us-east", "eu-west", "eu-west", true, 990.04 + i, null));
        }
        History history = new History(events);

        LatencyMatrix.Cell cell = LatencyMatrix.of(history).rows().get(0).cells().get(0);

        assertThat(cell.p50().text()).isEqualTo(sloValue(history, 50) + " ms");
        assertThat(cell.p99().text()).isEqualTo(sloValue(history, 99) + " ms");
    }

    private static String sloValue(History history, int percentile) {
        return SloText.number(new CrossClusterLatencyChecker(percentile, Duration.ofSeconds(2)).check(history).value());
    }

    @Test
    void theReportRendersTheMatrixAndEscapesClusterNames() {
        String html = HtmlReport.render(SampleRun.record("s", List.of()), crossProbes("<i>us</i>"));

        assertThat(html).contains("<table class=\"latency\">", "<th>eu-west</th>", "<th>&lt;i&gt;us&lt;/i&gt;</th>",
                "style=\"background-color:hsl(0,75%,70%)\">p99 99 ms</span>", "p50 50 ms", "100 ok");
        assertThat(html).doesNotContain("<i>us</i>");
    }

    @Test
    void theReportListsEachPairOfTheLatencyTargetWithItsVerdictAndSamples() {
        SloResult slo = new SloResult("cross-cluster-latency", 99, 2.0, "ms", "max 50ms", Verdict.PASS, null,
                new LatencyBreakdown("same-region pairs", 3_000, 7, 30, 100, List.of(
                        new LatencyBreakdown.PairLatency("hub", "dev", true, 2.0, 30, Verdict.PASS,
                                "p99 of 30 samples is their maximum: it needs 100"),
                        new LatencyBreakdown.PairLatency("hub", "prod", false, 76.0, 30, null, null))));

        String html = HtmlReport.render(SampleRun.record("s", List.of(slo)), crossProbes("us-east"));

        assertThat(html).contains("<h3>Latency target by pair</h3>", "judges same-region pairs",
                "7 probes of the warm-up were left out", "hub → dev", "<span class=\"verdict PASS\">PASS</span>",
                "p99 of 30 samples is their maximum: it needs 100", "hub → prod", "not judged (outside the scope)");
    }

    @Test
    void withoutCrossClusterProbesTheSectionSaysSo() {
        String html = HtmlReport.render(SampleRun.record("s", List.of()), SampleRun.history());
        assertThat(html).contains("No successful cross-cluster probe was recorded.").doesNotContain("class=\"latency\"");
    }
}
