package io.mch.reports.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.RunRecord.FaultWindow;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultWindowsTest {

    @Test
    void startsArePairedWithTheirOwnHealAndAnUnhealedFaultHasNoEnd() {
        History history = new History(List.of(
                new Event.FaultStarted(1_000, 0, "partition", "a cut off"),
                new Event.FaultStarted(2_000, 1, "latency", null),
                new Event.FaultHealed(3_000, 1, "latency"),
                new Event.FaultHealed(4_000, 0, "partition"),
                new Event.FaultStarted(5_000, 0, "partition", "again"),
                new Event.FaultStarted(6_000, 2, "cluster-loss", null)));
        assertThat(FaultWindows.of(history)).containsExactly(
                new FaultWindow("partition", 1_000, 4_000L, 0, "a cut off"),
                new FaultWindow("latency", 2_000, 3_000L, 1, null),
                new FaultWindow("partition", 5_000, null, 0, "again"),
                new FaultWindow("cluster-loss", 6_000, null, 2, null));
    }
}
