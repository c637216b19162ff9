package io.mch.reports.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.Measurement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementsTest {

    private static final Event.RunStarted START =
            new Event.RunStarted(0, "s", "t", "embedded", 1, 120_000, 100, 500, List.of());

    @Test
    void aRestoreAfterAFaultGivesRpoFromTheBackupAndRtoUntilTheRestoredClusterServes() {
        List<Event> events = new ArrayList<>(List.of(START,
                new Event.BackupTaken(10_500, "us-east", "shop", "backup-10000", 10_000, 7),
                new Event.BackupTaken(40_400, "us-east", "shop", "backup-40000", 40_000, 7),
                new Event.FaultStarted(55_000, 0, "cluster-loss", "us-east lost"),
                new Event.Restored(70_000, "eu-west", "shop", "backup-40000", 40_000, 62_000, "failover", 7)));
        events.add(new Event.Probe(69_900, "clients", "global", "eu-west", true, 5, null));
        events.add(new Event.Probe(70_100, "clients", "global", "eu-west", true, 5, null));

        List<Measurement> all = Measurements.of(new History(events));

        Measurement rpo = only(all, "rpo");
        assertThat(rpo.valueMs()).isEqualTo(15_000);
        assertThat(rpo.subject()).isEqualTo("eu-west/shop");
        Measurement rto = only(all, "rto");
        assertThat(rto.valueMs()).isEqualTo(70_100 - 55_000);
        assertThat(rto.resolutionMs()).isEqualTo(100);
        assertThat(rto.detail()).contains("cluster-loss").contains("serving at 70.1 s");
    }

    @Test
    void aRestoreWithoutABackupMeasuresNothing() {
        List<Event> events = List.of(START, new Event.FaultStarted(5_000, 0, "cluster-loss", "lost"),
                new Event.Restored(9_000, "eu-west", "shop", null, 0, 8_000, "failover", 0));
        assertThat(Measurements.of(new History(events))).extracting(Measurement::name).doesNotContain("rpo", "rto");
    }

    @Test
    void aFailoverDrillLastsUntilTheFirstSecondOfProbesServedByThePromotedCluster() {
        List<Event> events = new ArrayList<>(List.of(START,
                new Event.StepStarted(20_000, 0, "failover", "planned failover: promote eu-west"),
                new Event.Serving(20_000, "eu-west", "planned failover to eu-west")));
        for (long t = 19_000; t < 30_000; t += 100) {
            String servedBy = t < 24_000 ? "us-east" : "eu-west";
            events.add(new Event.Probe(t, "clients", "global", servedBy, t < 23_000 || t >= 24_000, 5, null));
        }
        Measurement drill = only(Measurements.of(new History(events)), "failover-drill");
        assertThat(drill.valueMs()).isEqualTo(4_000);
        assertThat(drill.subject()).isEqualTo("eu-west");
    }

    @Test
    void convergenceIsMeasuredFromTheLastHealToTheFirstFullyMatchingRound() {
        List<Event> events = List.of(START,
                new Event.FaultStarted(1_000, 0, "partition", "cut"),
                new Event.FaultHealed(10_000, 0, "partition"),
                new Event.ConsistencySample(12_000, "a", "ConfigMap/default/x", false, false),
                new Event.ConsistencySample(12_000, "b", "ConfigMap/default/x", true, false),
                new Event.ConsistencySample(14_000, "a", "ConfigMap/default/x", true, true),
                new Event.ConsistencySample(14_000, "b", "ConfigMap/default/x", true, true),
                new Event.Measured(15_000, "sync", "web", 3_200, 100, "every target has it"));
        List<Measurement> all = Measurements.of(new History(events));
        Measurement convergence = only(all, "convergence");
        assertThat(convergence.valueMs()).isEqualTo(4_000);
        assertThat(convergence.resolutionMs()).isEqualTo(2_000);
        assertThat(only(all, "sync").valueMs()).isEqualTo(3_200);
    }

    private static Measurement only(List<Measurement> all, String name) {
        List<Measurement> named = all.stream().filter(m -> m.name().equals(name)).toList();
        assertThat(named).hasSize(1);
        return named.get(0);
    }
}
