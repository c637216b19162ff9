package io.mch.reports.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.history.Event;
import io.mch.reports.model.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LatencyScopeTest {

    private static final Map<String, String> REGIONS =
            Map.of("hub", "us-east-1", "dev", "us-east-1", "stage", "us-west-2", "prod", "eu-west-1");

    @Test
    void eachScopeCoversThePairsItNames() {
        assertThat(LatencyScope.all().covers("hub", "prod", REGIONS)).isTrue();
        assertThat(LatencyScope.sameRegion().covers("hub", "dev", REGIONS)).isTrue();
        assertThat(LatencyScope.sameRegion().covers("hub", "prod", REGIONS)).isFalse();
        LatencyScope us = LatencyScope.regions(List.of("us-east-1", "us-west-2"));
        assertThat(us.covers("dev", "stage", REGIONS)).isTrue();
        assertThat(us.covers("stage", "prod", REGIONS)).isFalse();
        LatencyScope named = LatencyScope.pairs(List.of(List.of("hub", "prod")));
        assertThat(named.covers("prod", "hub", REGIONS)).isTrue();
        assertThat(named.covers("hub", "dev", REGIONS)).isFalse();
    }

    @Test
    void theScopeIsRecordedInTheHistoryAndAnOldHistoryJudgesAllPairs() throws Exception {
        SloTargets targets = new SloTargets(Optional.empty(), Optional.of(new SloTargets.LatencyTarget(99,
                Duration.ofMillis(50), LatencyScope.sameRegion())), Optional.empty(), Optional.empty());
        String line = Json.compact().writeValueAsString(targets.recorded());
        assertThat(line).contains("\"latency_scope\":{\"kind\":\"same-region\"}");
        assertThat(SloTargets.of(Json.compact().readValue(line, Event.SloTargets.class))).isEqualTo(targets);

        Event.SloTargets old = Json.compact().readValue("{\"latency_percentile\":99,\"latency_max_ms\":50}",
                Event.SloTargets.class);
        assertThat(SloTargets.of(old).crossClusterLatency().orElseThrow().scope()).isEqualTo(LatencyScope.all());
    }
}
