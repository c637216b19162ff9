package io.mch.reports.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.history.Event;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MeasuredCheckerTest {

    @Test
    void judgesTheLargestMeasurementOfItsKind() {
        var history = Histories.run(100)
                .add(new Event.Measured(10_000, "replication-lag", "us-east->eu-west", 1_200, 100, "heartbeat"))
                .add(new Event.Measured(40_000, "replication-lag", "us-east->eu-west", 31_000, 100, "after the heal"))
                .add(new Event.Measured(41_000, "sync", "web", 99_000, 100, "not this one"))
                .build();

        SloResult fails = new MeasuredChecker("replication-lag", Duration.ofSeconds(30)).check(history);
        assertThat(fails.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(fails.value()).isEqualTo(31_000);
        assertThat(fails.target()).isEqualTo("max 30s");
        assertThat(fails.detail()).contains("2 measured").contains("resolution 100 ms");

        assertThat(new MeasuredChecker("replication-lag", Duration.ofMinutes(1)).check(history).verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void anActionTimeJudgesThatActionsMeasurement() {
        var history = Histories.run(100)
                .add(new Event.Measured(30_000, "federate", "prod", 21_000, 100, "fully consistent"))
                .build();
        SloResult result = new MeasuredChecker("federate-time", Duration.ofSeconds(20)).check(history);
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.name()).isEqualTo("federate-time");
    }

    @Test
    void nothingMeasuredIsUnknown() {
        SloResult result = new MeasuredChecker("rpo", Duration.ofMinutes(5)).check(Histories.run(100).build());
        assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(result.detail()).isEqualTo("no rpo was measured in this run");
    }
}
