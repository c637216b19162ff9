package io.mch.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.SampleRun;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorBudgetTest {

    @Test
    void theScenariosTargetAndFourNinesAreReadAsIncidentsOfTheLongestFailover() {
        // The sample's partition starts at 3 s and global traffic is served again from 5 s: a 2 s failover.
        ErrorBudget budget = ErrorBudget.of(SampleRun.record("ap-partition", SampleRun.slos()), SampleRun.history());
        assertThat(budget.lines()).containsExactly(
                "99.9% allows 8 h 45 min 36 s a year: 15768 incidents of 2 s",
                "99.99% allows 52 min 34 s a year: 1577 incidents of 2 s");
        assertThat(budget.note()).isNull();
    }

    @Test
    void fourNinesIsStatedOnceAndAFailoverOfThirtyOneSecondsFitsAHundredAndOneTimes() {
        List<Event> events = new ArrayList<>();
        events.add(new Event.RunStarted(0, "s", "t", "embedded", 1, 60_000, 100, 500, List.of()));
        events.add(new Event.FaultStarted(1_000, 0, "cluster-loss", "a", List.of("a"), List.of()));
        for (long t = 1_000; t < 40_000; t += 100) {
            boolean down = t < 32_200;
            events.add(new Event.Probe(t, "clients", "global", down ? null : "b", !down, 20, down ? "timeout" : null));
        }
        var slos = List.of(new SloResult("availability", null, 50.0, "%", "min 99.99%", Verdict.FAIL, ""));
        ErrorBudget budget = ErrorBudget.of(SampleRun.record("s", slos), new History(events));
        assertThat(budget.lines()).containsExactly("99.99% allows 52 min 34 s a year: 101 incidents of 31.2 s");
    }

    @Test
    void withoutAMeasuredFailoverItSaysSo() {
        List<Event> events = List.of(new Event.RunStarted(0, "s", "t", "embedded", 1, 60_000, 100, 500, List.of()),
                new Event.Probe(0, "clients", "global", "a", true, 20, null));
        ErrorBudget budget = ErrorBudget.of(SampleRun.record("s", List.of()), new History(events));
        assertThat(budget.lines()).containsExactly("99.99% allows 52 min 34 s a year");
        assertThat(budget.note()).startsWith("No failover was measured");
    }
}
