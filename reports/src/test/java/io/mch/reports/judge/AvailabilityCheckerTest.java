package io.mch.reports.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityCheckerTest {

    @Test
    void okGlobalProbesOverAllGlobalProbesIgnoringCrossClusterOnes() {
        History history = Histories.run(100)
                .global(0, 99_800, true)
                .global(99_800, 100_000, false)
                .add(new Event.Probe(50, "us-east", "eu-west", null, false, 1000, "refused"))
                .build();

        SloResult result = new AvailabilityChecker(99.9, 4).check(history);

        assertThat(result.value()).isEqualTo(99.8);
        assertThat(result.unit()).isEqualTo("%");
        assertThat(result.target()).isEqualTo("min 99.9%");
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.detail()).startsWith("998 of 1000 service probes ok (2 failed)")
                .contains("no failover measured", "min 99.9% allows 8 h 45 min 36 s of downtime a year");
    }

    @Test
    void exactlyTheMinimumPassesAndTheValueNeverRoundsUp() {
        History atLimit = Histories.run(100).global(0, 99_900, true).global(99_900, 100_000, false).build();
        assertThat(new AvailabilityChecker(99.9, 4).check(atLimit))
                .extracting(SloResult::value, SloResult::verdict)
                .containsExactly(99.9, Verdict.PASS);

        // 2 of 3 is 66.6666...%: reported as 66.6666, never 66.6667.
        History thirds = Histories.run(100).global(0, 200, true).global(200, 300, false).build();
        assertThat(new AvailabilityChecker(50, 4).check(thirds).value()).isEqualTo(66.6666);
    }

    @Test
    void theDetailProjectsTheMeasuredFailoverOntoAYear() {
        History history = Histories.run(50)
                .global(0, 10_000, true)
                .fault(0, 10_000, 50_000L)
                .global(10_000, 41_250, false)
                .global(41_250, 60_000, true)
                .build();

        SloResult result = new AvailabilityChecker(99.99, 4).check(history);

        assertThat(result.detail()).contains(
                "projected 4 × 31.25 s = 2 min 5 s of downtime a year; min 99.99% allows 52 min 34 s (within)");
    }

    @Test
    void noProbesIsUnknown() {
        SloResult result = new AvailabilityChecker(99.9, 4).check(new History(List.of()));
        assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(result.value()).isNull();
    }
}
