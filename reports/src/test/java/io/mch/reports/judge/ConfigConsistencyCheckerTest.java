package io.mch.reports.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.history.Event.ConsistencySample;
import io.mch.reports.history.History;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigConsistencyCheckerTest {

    private final ConfigConsistencyChecker checker = new ConfigConsistencyChecker(100);

    @Test
    void aDriftedPairOfTwoIsFiftyPercent() {
        History history = new History(List.of(
                new ConsistencySample(1_000, "us-east", "configmap/app", false, false),
                new ConsistencySample(9_000, "us-east", "configmap/app", true, true),
                new ConsistencySample(9_000, "eu-west", "configmap/app", false, true)));

        SloResult result = checker.check(history);

        assertThat(result.value()).isEqualTo(50.0);
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.target()).isEqualTo("min 100%");
        assertThat(result.detail()).isEqualTo(
                "1 of 2 (object, cluster) pairs match the desired spec; differ: configmap/app@eu-west");
    }

    @Test
    void eachPairIsJudgedByItsLastSettledSample() {
        History history = new History(List.of(
                new ConsistencySample(9_000, "eu-west", "configmap/app", false, true),
                new ConsistencySample(10_000, "eu-west", "configmap/app", true, true),
                new ConsistencySample(11_000, "eu-west", "configmap/app", false, false)));

        assertThat(checker.check(history))
                .extracting(SloResult::value, SloResult::verdict)
                .containsExactly(100.0, Verdict.PASS);
    }

    @Test
    void manyDriftedPairsAreListedShortly() {
        List<ConsistencySample> samples = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            samples.add(new ConsistencySample(1_000, "c" + i, "deployment/api", false, true));
        }
        SloResult result = checker.check(new History(List.copyOf(samples)));
        assertThat(result.value()).isZero();
        assertThat(result.detail()).endsWith("deployment/api@c4 and 3 more");
    }

    @Test
    void withoutSettledSamplesThereIsNothingToJudge() {
        History history = new History(List.of(new ConsistencySample(1_000, "us-east", "configmap/app", true, false)));
        assertThat(checker.check(history).verdict()).isEqualTo(Verdict.UNKNOWN);
    }
}
