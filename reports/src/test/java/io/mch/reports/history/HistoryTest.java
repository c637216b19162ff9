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

    @Test
    void meshCallsServedByAnotherClusterAreCrossClusterProbesTowardsThatCluster() {
        Event.Probe local = new Event.Probe(100, "us-east", "mesh:api", "us-east", true, 2, null);
        Event.Probe remote = new Event.Probe(200, "us-east", "mesh:api", "eu-west", true, 80, null);
        Event.Probe failed = new Event.Probe(300, "us-east", "mesh:api", null, false, 1000, "timeout (routed to eu-west)");
        Event.Probe direct = new Event.Probe(400, "eu-west", "us-east", "us-east", true, 78, null);
        Event.Probe global = new Event.Probe(500, "clients", "global", "us-east", true, 5, null);
        History history = new History(List.of(local, remote, failed, direct, global));

        assertThat(history.crossClusterProbes()).containsExactly(
                new Event.Probe(200, "us-east", "eu-west", "eu-west", true, 80, null), direct);
        assertThat(history.meshProbes()).containsExactly(local, remote, failed);
        assertThat(history.serviceProbes()).containsExactly(local, remote, failed, global);
    }
}
