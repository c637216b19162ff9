package io.mch.reports.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossClusterLatencyCheckerTest {

    @Test
    void percentilesOfKnownLatencies() {
        List<Event> events = new ArrayList<>();
        for (int ms = 1; ms <= 100; ms++) {
            events.add(cross(ms, "us-east", "eu-west", true, ms));
        }
        History history = new History(events);

        assertThat(new CrossClusterLatencyChecker(99, Duration.ofMillis(100)).check(history).value()).isEqualTo(99.0);
        assertThat(new CrossClusterLatencyChecker(50, Duration.ofMillis(100)).check(history).value()).isEqualTo(50.0);
        assertThat(new CrossClusterLatencyChecker(90, Duration.ofMillis(100)).check(history).value()).isEqualTo(90.0);
    }

    @Test
    void aFewSlowRequestsMoveTheTailOnlyOnceTheyPassThePercentile() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 990; i++) {
            events.add(cross(i, "a", "b", true, 79.8));
        }
        for (int i = 0; i < 10; i++) {
            events.add(cross(1_000 + i, "a", "b", true, 500));
        }
        CrossClusterLatencyChecker p99 = new CrossClusterLatencyChecker(99, Duration.ofMillis(50));
        SloResult tail = p99.check(new History(events));
        assertThat(tail.value()).isEqualTo(79.8);
        assertThat(tail.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(tail.percentile()).isEqualTo(99);
        assertThat(tail.target()).isEqualTo("max 50ms");

        events.add(cross(2_000, "a", "b", true, 500));
        events.add(cross(2_001, "a", "b", true, 500));
        assertThat(p99.check(new History(events)).value()).isEqualTo(500.0);
    }

    @Test
    void failedAndGlobalProbesAreLeftOutAndEachPairIsReported() {
        History history = new History(List.of(
                cross(0, "us-east", "eu-west", true, 40),
                cross(1, "us-east", "eu-west", true, 80),
                cross(2, "eu-west", "us-east", true, 30),
                cross(3, "eu-west", "us-east", false, 5_000),
                new Event.Probe(4, "clients", "global", "us-east", true, 900, null)));

        SloResult result = new CrossClusterLatencyChecker(99, Duration.ofMillis(100)).check(history);

        assertThat(result.value()).isEqualTo(80.0);
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.detail()).startsWith("3 ok cross-cluster probes, 1 failed")
                .contains("eu-west→us-east p50 30.0 p99 30.0 (1)", "us-east→eu-west p50 40.0 p99 80.0 (2)");
        assertThat(CrossClusterLatencyChecker.matrix(history, 99)).isEqualTo(Map.of(
                "us-east", Map.of("eu-west", 80.0),
                "eu-west", Map.of("us-east", 30.0)));
        assertThat(CrossClusterLatencyChecker.matrix(history, 50).get("us-east")).containsEntry("eu-west", 40.0);
    }

    @Test
    void withoutASuccessfulCrossClusterProbeThereIsNoLatency() {
        SloResult result = new CrossClusterLatencyChecker(99, Duration.ofMillis(50))
                .check(new History(List.of(cross(0, "a", "b", false, 1_000))));
        assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(result.value()).isNull();
        assertThat(result.detail()).contains("1 failed");
    }

    private static Event.Probe cross(long tMs, String source, String target, boolean ok, double latencyMs) {
        return new Event.Probe(tMs, source, target, ok ? target : null, ok, latencyMs, ok ? null : "timeout");
    }
}
