package io.mch.reports.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {

    @Test
    void eventsAreOrderedByTimeKeepingTheAppendOrderOfEqualTimes() {
        Event late = new Event.Probe(300, "clients", "global", "a", true, 1, null);
        Event early = new Event.Probe(100, "clients", "global", "a", false, 900, "timeout");
        Event sameTimeFirst = new Event.FaultStarted(200, 0, "partition", null);
        Event sameTimeSecond = new Event.Serving(200, "b", "failover");
        History history = new History(List.of(late, sameTimeFirst, early, sameTimeSecond));
        assertThat(history.events()).containsExactly(early, sameTimeFirst, sameTimeSecond, late);
    }
}
