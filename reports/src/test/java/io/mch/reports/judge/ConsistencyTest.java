package io.mch.reports.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

public class ConsistencyTest {

    /** Two pairs sampled each second of a 10 s run; the healed fault at 4 s; {@code b} matches again at 6.2 s. */
    public static History history(boolean converges) {
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
    void eachSamplingSecondCountsMatchingPairsAndConvergenceIsTimedFromTheLastHeal() {
        Consistency consistency = Consistency.of(history(true));

        assertThat(consistency.rounds()).hasSize(10);
        assertThat(consistency.rounds()).startsWith(new Consistency.Round(0, 2, 2), new Consistency.Round(1_000, 2, 2),
                new Consistency.Round(2_000, 2, 2), new Consistency.Round(3_000, 1, 2));
        assertThat(consistency.rounds().get(3).percent()).isEqualTo(50.0);
        // Round 6 s completed at 6.35 s, 2.35 s after the heal at 4 s.
        assertThat(consistency.convergence()).isEqualTo("converged 2.350 s after the last heal");
        assertThat(consistency.lastHealMs()).isEqualTo(4_000L);
        assertThat(consistency.convergedAtMs()).isEqualTo(6_350L);
    }

    @Test
    void aPairThatStaysOutOfSyncNeverConverges() {
        Consistency consistency = Consistency.of(history(false));
        assertThat(consistency.convergence()).isEqualTo("did not converge after the last heal");
        assertThat(consistency.convergedAtMs()).isNull();
    }
}
