package io.mch.reports.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.judge.SloTargets.LatencyTarget;
import io.mch.reports.model.LatencyBreakdown.PairLatency;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossClusterLatencyCheckerTest {

    /** Probes at {@code WARM ms} and later are after the warm-up of a run whose traffic starts at 0. */
    private static final long WARM = WarmUp.WALL_MS;

    @Test
    void percentilesOfKnownLatencies() {
        List<Event> events = traffic();
        for (int ms = 1; ms <= 100; ms++) {
            events.add(cross(WARM + ms, "us-east", "eu-west", true, ms));
        }
        History history = new History(events);

        assertThat(new CrossClusterLatencyChecker(99, Duration.ofMillis(100)).check(history).value()).isEqualTo(99.0);
        assertThat(new CrossClusterLatencyChecker(50, Duration.ofMillis(100)).check(history).value()).isEqualTo(50.0);
        assertThat(new CrossClusterLatencyChecker(90, Duration.ofMillis(100)).check(history).value()).isEqualTo(90.0);
    }

    @Test
    void aFewSlowRequestsMoveTheTailOnlyOnceTheyPassThePercentile() {
        List<Event> events = traffic();
        for (int i = 0; i < 990; i++) {
            events.add(cross(WARM + i, "a", "b", true, 79.8));
        }
        for (int i = 0; i < 10; i++) {
            events.add(cross(WARM + 1_000 + i, "a", "b", true, 500));
        }
        CrossClusterLatencyChecker p99 = new CrossClusterLatencyChecker(99, Duration.ofMillis(50));
        SloResult tail = p99.check(new History(events));
        assertThat(tail.value()).isEqualTo(79.8);
        assertThat(tail.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(tail.percentile()).isEqualTo(99);
        assertThat(tail.target()).isEqualTo("max 50ms");

        events.add(cross(WARM + 2_000, "a", "b", true, 500));
        events.add(cross(WARM + 2_001, "a", "b", true, 500));
        assertThat(p99.check(new History(events)).value()).isEqualTo(500.0);
    }

    @Test
    void failedAndGlobalProbesAreLeftOutAndEachPairIsReported() {
        List<Event> events = traffic();
        events.addAll(List.of(
                cross(WARM, "us-east", "eu-west", true, 40),
                cross(WARM + 1, "us-east", "eu-west", true, 80),
                cross(WARM + 2, "eu-west", "us-east", true, 30),
                cross(WARM + 3, "eu-west", "us-east", false, 5_000),
                new Event.Probe(WARM + 4, "clients", "global", "us-east", true, 900, null)));
        History history = new History(events);

        SloResult result = new CrossClusterLatencyChecker(99, Duration.ofMillis(100)).check(history);

        assertThat(result.value()).isEqualTo(80.0);
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.detail()).startsWith("p99 over all pairs: 3 ok probes (p99 of 3 samples is their maximum: it needs 100), 1 failed")
                .contains("eu-west→us-east p99 30.0 (1) PASS", "us-east→eu-west p99 80.0 (2) PASS");
        assertThat(CrossClusterLatencyChecker.matrix(history, 99)).isEqualTo(Map.of(
                "us-east", Map.of("eu-west", 80.0),
                "eu-west", Map.of("us-east", 30.0)));
        assertThat(CrossClusterLatencyChecker.matrix(history, 50).get("us-east")).containsEntry("eu-west", 40.0);
    }

    @Test
    void withoutASuccessfulCrossClusterProbeThereIsNoLatency() {
        List<Event> events = traffic();
        events.add(cross(WARM, "a", "b", false, 1_000));
        SloResult result = new CrossClusterLatencyChecker(99, Duration.ofMillis(50)).check(new History(events));
        assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(result.value()).isNull();
        assertThat(result.detail()).contains("1 failed");
    }

    @Test
    void theWarmUpIsLeftOutAndStated() {
        List<Event> events = traffic();
        events.add(cross(500, "us-east", "eu-west", true, 1_400));
        for (int i = 0; i < 200; i++) {
            events.add(cross(WARM + i, "us-east", "eu-west", true, 40));
        }
        SloResult result = new CrossClusterLatencyChecker(99, Duration.ofMillis(50)).check(new History(events));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.value()).isEqualTo(40.0);
        assertThat(result.latency().warmUpLeftOut()).isEqualTo(1);
        assertThat(result.latency().warmUpMs()).isEqualTo(WARM);
        assertThat(result.detail()).contains("warm-up: the first 3 s of traffic left out (1 ok probes)");
    }

    @Test
    void theWarmUpIsWallTimeSoLongerInACompressedRun() {
        List<Event> events = new ArrayList<>(List.of(new Event.RunStarted(0, "t", "t", "embedded", 1, 60_000, 50, 200,
                List.of(), 4)));
        events.add(new Event.Probe(0, "clients", "global", "us-east", true, 10, null));
        events.add(cross(4 * WARM - 1, "a", "b", true, 900));
        events.add(cross(4 * WARM, "a", "b", true, 20));
        SloResult result = new CrossClusterLatencyChecker(99, Duration.ofMillis(50)).check(new History(events));

        assertThat(result.value()).isEqualTo(20.0);
        assertThat(result.latency().warmUpMs()).isEqualTo(4 * WARM);
    }

    @Test
    void aSameRegionTargetJudgesOnlyPairsInsideARegion() {
        List<Event> events = regions();
        for (int i = 0; i < 100; i++) {
            events.add(cross(WARM + i, "hub", "dev", true, 2));
            events.add(cross(WARM + i, "hub", "prod", true, 76));
        }
        SloResult result = check(LatencyScope.sameRegion(), events);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.value()).isEqualTo(2.0);
        assertThat(result.latency().scope()).isEqualTo("same-region pairs");
        assertThat(result.latency().pairs()).containsExactly(
                new PairLatency("hub", "dev", true, 2.0, 100, Verdict.PASS, null),
                new PairLatency("hub", "prod", false, 76.0, 100, null, null));
    }

    @Test
    void aRegionGroupAndNamedPairsJudgeWhatTheyName() {
        List<Event> events = regions();
        for (int i = 0; i < 100; i++) {
            events.add(cross(WARM + i, "hub", "stage", true, 62));
            events.add(cross(WARM + i, "prod", "hub", true, 76));
        }
        SloResult group = check(LatencyScope.regions(List.of("us-east-1", "us-west-2")), events);
        assertThat(group.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(group.value()).isEqualTo(62.0);

        SloResult named = check(LatencyScope.pairs(List.of(List.of("hub", "prod"))), events);
        assertThat(named.value()).isEqualTo(76.0);
        assertThat(named.latency().pairs()).extracting(PairLatency::judged).containsExactly(false, true);
    }

    @Test
    void oneSlowPairFailsTheTargetEvenWhenThePoolPasses() {
        List<Event> events = regions();
        for (int i = 0; i < 1_000; i++) {
            events.add(cross(WARM + i, "hub", "dev", true, 2));
        }
        for (int i = 0; i < 5; i++) {
            events.add(cross(WARM + i, "dev", "hub", true, 90));
        }
        SloResult result = check(LatencyScope.sameRegion(), events);

        assertThat(result.value()).isEqualTo(2.0);
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.latency().pairs()).filteredOn(p -> p.source().equals("dev")).singleElement()
                .satisfies(p -> assertThat(p.note()).isEqualTo("p99 of 5 samples is their maximum: it needs 100"));
    }

    @Test
    void aScopeThatCoversNoProbedPairIsUnknownAndSaysWhy() {
        List<Event> events = regions();
        for (int i = 0; i < 100; i++) {
            events.add(cross(WARM + i, "hub", "prod", true, 76));
        }
        SloResult result = check(LatencyScope.sameRegion(), events);

        assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(result.detail()).startsWith(
                "no probed pair is among same-region pairs (hub (us-east-1)→prod (eu-west-1))");
    }

    private static SloResult check(LatencyScope scope, List<Event> events) {
        return new CrossClusterLatencyChecker(new LatencyTarget(99, Duration.ofMillis(50), scope))
                .check(new History(events));
    }

    /** A run on the hub-spoke regions whose traffic starts at 0. */
    private static List<Event> regions() {
        List<Event> events = new ArrayList<>(List.of(new Event.RunStarted(0, "t", "hub-spoke", "embedded", 1, 60_000,
                50, 200, List.of(new Event.ClusterInfo("hub", "us-east-1", "hub", 1),
                        new Event.ClusterInfo("dev", "us-east-1", "spoke", 1),
                        new Event.ClusterInfo("stage", "us-west-2", "spoke", 1),
                        new Event.ClusterInfo("prod", "eu-west-1", "spoke", 1)))));
        events.add(new Event.Probe(0, "clients", "global", "hub", true, 10, null));
        return events;
    }

    /** A history whose traffic starts at 0 with one global probe. */
    private static List<Event> traffic() {
        return new ArrayList<>(List.of(new Event.Probe(0, "clients", "global", "us-east", true, 10, null)));
    }

    private static Event.Probe cross(long tMs, String source, String target, boolean ok, double latencyMs) {
        return new Event.Probe(tMs, source, target, ok ? target : null, ok, latencyMs, ok ? null : "timeout");
    }
}
