package io.mch.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunRecordsTest {

    @Test
    void theRecordTakesItsFrameFaultsAndEndStateFromTheHistory() {
        RunRecord run = RunRecords.of(SampleRun.history(), SampleRun.slos(), "cut off", "2026-11-24T10:00:00Z");

        assertThat(run.scenario()).isEqualTo("ap-partition");
        assertThat(run.topology()).isEqualTo("active-passive");
        assertThat(run.backend()).isEqualTo("embedded");
        assertThat(run.seed()).isEqualTo(42);
        assertThat(run.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(run.faults()).containsExactly(new RunRecord.FaultWindow("partition", 3_000, 8_000L, 0, "us-east cut off"));
        assertThat(run.clusterStatus()).containsEntry("us-east", new RunRecord.ClusterStatus("Healthy", "us-east-1", "active"));
        assertThat(run.health()).containsExactly(new RunRecord.Health("us-east", "Healthy"), new RunRecord.Health("eu-west", "Healthy"));
        assertThat(run.syncStatus()).isEqualTo("Unknown");
        assertThat(run.durationMs()).isEqualTo(10_000);
        assertThat(run.probeIntervalMs()).isEqualTo(100);
        assertThat(run.endReason()).isEqualTo("completed");
    }

    @Test
    void aKilledRunSaysSoAndSyncStatusFollowsTheLastConsistencySample() {
        History killed = new History(List.of(
                new Event.RunStarted(0, "s", "t", "embedded", 1, 60_000, 50, 500, List.of()),
                new Event.ConsistencySample(200, "eu-west", "Deployment/default/api", true, false),
                new Event.ConsistencySample(500, "eu-west", "Deployment/default/api", false, false),
                new Event.FaultStarted(1_000, 0, "partition", null)));
        SloResult drifted = new SloResult("config-consistency", null, 50.0, "%", "min 100%", Verdict.FAIL, null);

        RunRecord run = RunRecords.of(killed, List.of(drifted), null, null);

        assertThat(run.endReason()).contains("killed");
        assertThat(run.durationMs()).isEqualTo(1_000);
        assertThat(run.faults().get(0).endMs()).isNull();
        assertThat(run.syncStatus()).isEqualTo("OutOfSync");
        assertThat(RunRecords.of(killed, List.of(), null, null).verdict()).isEqualTo(Verdict.UNKNOWN);
    }
}
