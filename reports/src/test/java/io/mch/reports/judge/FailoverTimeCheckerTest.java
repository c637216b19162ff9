package io.mch.reports.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FailoverTimeCheckerTest {

    private final FailoverTimeChecker checker = new FailoverTimeChecker(Duration.ofMinutes(2));

    @Test
    void failoverRunsFromTheFaultStartToTheFirstSecondOfSuccess() {
        History history = Histories.run(50)
                .global(0, 2_000, true)
                .fault(0, 2_000, 6_000L)
                .global(2_000, 3_500, false)
                .global(3_500, 10_000, true)
                .build();

        SloResult result = checker.check(history);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.value()).isEqualTo(1_500.0);
        assertThat(result.unit()).isEqualTo("ms");
        assertThat(result.target()).isEqualTo("max 2m");
        assertThat(result.percentile()).isNull();
        assertThat(result.detail()).contains("fault #0 (partition) served again after 1500 ms",
                "resolution 50 ms (probe interval)");
    }

    @Test
    void trafficThatNeverRecoversFails() {
        History history = Histories.run(50)
                .global(0, 2_000, true)
                .fault(3, 2_000, null)
                .global(2_000, 10_000, false)
                .build();

        SloResult result = checker.check(history);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.value()).isNull();
        assertThat(result.detail()).startsWith("traffic never recovered after fault #3")
                .contains("resolution 50 ms (probe interval)");
    }

    @Test
    void aSuccessRunOfExactlyOneSecondCountsAndOneProbeLessDoesNot() {
        // 20 probes at 50 ms (3000..3950) cover one second: recovered at 3000, 1000 ms after the fault.
        History exact = Histories.run(50)
                .fault(0, 2_000, 8_000L)
                .global(2_000, 3_000, false)
                .global(3_000, 4_000, true)
                .global(4_000, 5_000, false)
                .global(5_000, 10_000, true)
                .build();
        assertThat(checker.check(exact).value()).isEqualTo(1_000.0);

        // 19 probes (3000..3900) do not; the next full second starts at 5000.
        History short1 = Histories.run(50)
                .fault(0, 2_000, 8_000L)
                .global(2_000, 3_000, false)
                .global(3_000, 3_950, true)
                .global(3_950, 5_000, false)
                .global(5_000, 10_000, true)
                .build();
        assertThat(checker.check(short1).value()).isEqualTo(3_000.0);

        // A run still too short when the history ends is no recovery.
        History endsShort = Histories.run(50)
                .fault(0, 2_000, null)
                .global(2_000, 3_000, false)
                .global(3_000, 3_950, true)
                .build();
        assertThat(checker.check(endsShort).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void theRecoveryEdgeToleratesMillisecondRoundingOfAFractionalInterval() {
        // 30 probes a second: the schedule is 33.33 ms apart, stamped in whole (floored) ms, so the
        // 30 probes from 100 ms to 1066 ms span 966 ms where the schedule says 966.67.
        List<Event> events = new ArrayList<>(Histories.run(1000.0 / 30).fault(0, 0, 5_000L).build().events());
        for (int i = 0; i <= 32; i++) {
            boolean ok = i >= 3;
            events.add(new Event.Probe((long) Math.floor(i * 1000.0 / 30), "clients", "global", ok ? "a" : null, ok,
                    5, ok ? null : "timeout"));
        }
        assertThat(checker.check(new History(events)).value()).isEqualTo(100.0);
        events.remove(events.size() - 1);
        assertThat(checker.check(new History(events)).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void theValueIsTheLongestFailoverAndItIsJudgedAgainstTheTarget() {
        History history = Histories.run(100)
                .global(0, 1_000, true)
                .fault(0, 1_000, 3_000L)
                .global(1_000, 2_500, false)
                .global(2_500, 5_000, true)
                .fault(1, 5_000, 9_000L)
                .global(5_000, 5_800, false)
                .global(5_800, 12_000, true)
                .build();

        assertThat(checker.check(history).value()).isEqualTo(1_500.0);
        SloResult strict = new FailoverTimeChecker(Duration.ofSeconds(1)).check(history);
        assertThat(strict.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(strict.target()).isEqualTo("max 1s");
        assertThat(strict.detail()).contains("fault #0 (partition) served again after 1500 ms",
                "fault #1 (partition) served again after 800 ms", "resolution 100 ms (probe interval)");
    }

    @Test
    void failuresOutsideTheFaultWindowDoNotMakeItDisruptive() {
        History history = Histories.run(50)
                .global(0, 1_000, false) // before the fault
                .global(1_000, 2_000, true)
                .fault(0, 2_000, 4_000L)
                .global(2_000, 4_000, true)
                .global(4_000, 4_500, false) // after it healed
                .global(4_500, 6_000, true)
                .build();

        SloResult result = checker.check(history);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.value()).isZero();
        assertThat(result.detail()).startsWith("no fault interrupted traffic")
                .contains("fault #0 (partition) did not interrupt traffic", "resolution 50 ms");
    }

    @Test
    void probesAppendedOutOfOrderAreJudgedByTheirTime() {
        List<Event> events = new ArrayList<>(Histories.run(50)
                .fault(0, 2_000, 6_000L)
                .global(0, 2_000, true)
                .global(2_000, 3_500, false)
                .global(3_500, 10_000, true)
                .build()
                .events());
        Collections.shuffle(events, new Random(7));
        assertThat(checker.check(new History(events)).value()).isEqualTo(1_500.0);
    }

    @Test
    void withoutFaultsOrProbesOrARunFrameThereIsNothingToJudge() {
        assertThat(checker.check(Histories.run(50).global(0, 5_000, true).build()))
                .extracting(SloResult::verdict, SloResult::detail)
                .containsExactly(Verdict.UNKNOWN, "no fault to fail over from");
        assertThat(checker.check(Histories.run(50).fault(0, 1_000, 2_000L).build()).verdict())
                .isEqualTo(Verdict.UNKNOWN);
        assertThat(checker.check(new History(List.of(new Event.FaultStarted(0, 0, "partition", null)))).verdict())
                .isEqualTo(Verdict.UNKNOWN);
        // Probes stopped before the fault started: it cannot be judged.
        SloResult unobserved = checker.check(Histories.run(50).global(0, 1_000, true).fault(0, 2_000, 3_000L).build());
        assertThat(unobserved.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(unobserved.detail()).contains("no global probe after it started");
    }
}
