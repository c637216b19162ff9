package io.mch.harness.fabric.mesh;

import static io.mch.harness.fabric.mesh.MeshRig.EAST;
import static io.mch.harness.fabric.mesh.MeshRig.RTT_FROM_EAST;
import static io.mch.harness.fabric.mesh.MeshRig.SERVICE;
import static io.mch.harness.fabric.mesh.MeshRig.SOUTH;
import static io.mch.harness.fabric.mesh.MeshRig.WEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mch.faults.Heal;
import io.mch.faults.nemesis.PartitionNemesis;
import io.mch.faults.spec.FaultSpec;
import io.mch.faults.spec.PartitionDirection;
import io.mch.harness.config.MeshSpec.Affinity;
import io.mch.harness.config.Step;
import io.mch.reports.history.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ClusterMeshTest {

    private static final Duration AWHILE = Duration.ofSeconds(20);

    @Test
    void localAffinityKeepsCallsInTheClusterWhileItHasReadyEndpoints() throws Exception {
        try (MeshRig rig = new MeshRig(Optional.empty());
                ClusterMesh mesh = ClusterMesh.start(MeshRig.spec(Duration.ZERO, Affinity.LOCAL), rig.context(List.of()))) {
            await().atMost(AWHILE).until(() -> rig.probesFrom(EAST, 0).filter(Event.Probe::ok).count() >= 20);
            long faultMs = rig.clock.ms();
            Heal heal = rig.fleet.loseNodes(EAST, 2);
            try {
                await().atMost(AWHILE).until(() -> rig.fleet.cluster(EAST).status().equals("Degraded")
                        && rig.probesFrom(EAST, rig.clock.ms() - 100).findAny().isPresent());
                long noticedMs = rig.clock.ms();
                await().atMost(AWHILE).until(() -> rig.probesFrom(EAST, noticedMs + 2000).count() >= 5);
            } finally {
                heal.heal();
            }
            List<Event.Probe> after = rig.probesFrom(EAST, faultMs).toList();
            assertThat(after).extracting(Event.Probe::servedBy).filteredOn(s -> s != null).containsOnly(EAST);
            assertThat(after).filteredOn(Event.Probe::ok).hasSizeGreaterThan(after.size() / 2);
            // The other clusters still answer their own clients: routing stays per cluster.
            assertThat(rig.probesFrom(WEST, faultMs)).extracting(Event.Probe::servedBy).contains(WEST);
        }
    }

    @Test
    void theClientsOfALostClusterAreGoneWithIt() throws Exception {
        try (MeshRig rig = new MeshRig(Optional.empty());
                ClusterMesh mesh = ClusterMesh.start(MeshRig.spec(Duration.ZERO, Affinity.LOCAL), rig.context(List.of()))) {
            await().atMost(AWHILE).until(() -> rig.probesFrom(EAST, 0).count() >= 10);
            Heal loss = rig.fleet.loseCluster(EAST);
            long lostMs = rig.clock.ms();
            await().atMost(AWHILE).until(() -> rig.probesFrom(WEST, lostMs + 1000).count() >= 10);
            long beforeHealMs = rig.clock.ms();
            loss.heal();

            assertThat(rig.probesFrom(EAST, lostMs + 200).filter(p -> p.tMs() < beforeHealMs)).isEmpty();
            await().atMost(AWHILE).until(() -> rig.probesFrom(EAST, beforeHealMs).count() >= 5);
        }
    }

    @Test
    void localAffinityFailsOverToPeersWhenNoLocalEndpointIsLeftAndPaysTheirRoundTrip() throws Exception {
        try (MeshRig rig = new MeshRig(Optional.empty());
                ClusterMesh mesh = ClusterMesh.start(MeshRig.spec(Duration.ZERO, Affinity.LOCAL), rig.context(List.of()))) {
            await().atMost(AWHILE).until(() -> rig.probesFrom(EAST, 0).filter(Event.Probe::ok).count() >= 40);
            long scaledMs = rig.clock.ms();
            rig.fleet.cluster(EAST).client().apps().deployments().inNamespace("default").withName(SERVICE).scale(0);
            await().atMost(AWHILE).until(() -> RTT_FROM_EAST.keySet().stream().allMatch(peer ->
                    rig.probesFrom(EAST, scaledMs).filter(p -> peer.equals(p.servedBy())).count() >= 30));

            List<Event.Probe> before = rig.probesFrom(EAST, 0).filter(p -> p.tMs() < scaledMs).toList();
            assertThat(before).extracting(Event.Probe::servedBy).containsOnly(EAST);
            double localP50 = p50(before);
            long firstRemoteMs = rig.probesFrom(EAST, scaledMs)
                    .filter(p -> p.servedBy() != null && !p.servedBy().equals(EAST))
                    .mapToLong(Event.Probe::tMs).min().orElseThrow();
            assertThat(rig.probesFrom(EAST, firstRemoteMs + 1000)).extracting(Event.Probe::servedBy).doesNotContain(EAST);
            for (Map.Entry<String, Long> peer : RTT_FROM_EAST.entrySet()) {
                double remoteP50 = p50(rig.probesFrom(EAST, scaledMs).filter(p -> peer.getKey().equals(p.servedBy())).toList());
                assertThat(remoteP50 - localP50)
                        .as("p50 via %s (RTT %d ms) over local p50 %.1f ms", peer.getKey(), peer.getValue(), localP50)
                        .isBetween(0.7 * peer.getValue(), 2.0 * peer.getValue() + 100);
            }
        }
    }

    @Test
    void withTtlZeroPeersKeepRoutingToAPartitionedClusterAndThoseCallsFail() throws Exception {
        try (MeshRig rig = new MeshRig(Optional.of("none"));
                ClusterMesh mesh = ClusterMesh.start(MeshRig.spec(Duration.ZERO, Affinity.LOCAL), rig.context(List.of()))) {
            await().atMost(AWHILE).until(() -> rig.probesFrom(EAST, 0).anyMatch(p -> SOUTH.equals(p.servedBy())));
            long partitionMs = rig.clock.ms();
            Heal heal = partition(rig, SOUTH);
            try {
                await().atMost(AWHILE).until(() -> failedTowards(rig, SOUTH, partitionMs + 4000).size() >= 5);
            } finally {
                heal.heal();
            }
            assertThat(failedTowards(rig, SOUTH, partitionMs + 4000))
                    .allSatisfy(p -> assertThat(p.servedBy()).isNull())
                    .extracting(Event.Probe::source)
                    .containsAnyOf(EAST, WEST);
            assertThat(rig.notes()).anySatisfy(n -> assertThat(n)
                    .startsWith(EAST + " keeps 3 stale endpoints of api-server in " + SOUTH + " (unreachable since ")
                    .contains("TTL 0"));
            assertThat(rig.notes()).noneMatch(n -> n.contains("revokes"));
        }
    }

    @Test
    void withATtlPeersStopRoutingToAPartitionedClusterOnceItPassesAndResumeAfterTheHeal() throws Exception {
        Duration ttl = Duration.ofSeconds(2);
        try (MeshRig rig = new MeshRig(Optional.of("none"));
                ClusterMesh mesh = ClusterMesh.start(MeshRig.spec(ttl, Affinity.LOCAL), rig.context(List.of()))) {
            await().atMost(AWHILE).until(() -> rig.probesFrom(EAST, 0).anyMatch(p -> SOUTH.equals(p.servedBy())));
            long partitionMs = rig.clock.ms();
            Heal heal = partition(rig, SOUTH);
            try {
                await().atMost(AWHILE).until(() -> rig.notes().stream().anyMatch(n -> n.startsWith(EAST + " revokes")));
                long settledMs = partitionMs + ttl.toMillis() + 3000;
                await().atMost(AWHILE).until(() -> rig.probesFrom(EAST, settledMs).count() >= 10
                        && rig.probesFrom(WEST, settledMs).count() >= 10);
            } finally {
                heal.heal();
            }
            assertThat(failedTowards(rig, SOUTH, partitionMs)).isNotEmpty();
            assertThat(failedTowards(rig, SOUTH, partitionMs + ttl.toMillis() + 1000)).isEmpty();
            assertThat(rig.notes()).anySatisfy(n -> assertThat(n)
                    .startsWith(EAST + " revokes 3 stale endpoints of api-server in " + SOUTH)
                    .contains("stale-endpoint TTL 2.0 s"));

            long healedMs = rig.clock.ms();
            await().atMost(AWHILE).until(() -> rig.probesFrom(EAST, healedMs).anyMatch(p -> SOUTH.equals(p.servedBy())));
            assertThat(rig.notes()).contains(EAST + " reaches " + SOUTH + " again: 3 endpoints of api-server known");
        }
    }

    @Test
    void aConnectStepJoinsTheClusterAndMeasuresUntilDiscoveryWorksBothWays() throws Exception {
        Step.Scheduled connect = new Step.Scheduled(0, Duration.ofSeconds(1), new Step.Connect(SOUTH));
        try (MeshRig rig = new MeshRig(Optional.of("none"));
                ClusterMesh mesh = ClusterMesh.start(MeshRig.spec(Duration.ZERO, Affinity.LOCAL), rig.context(List.of(connect)))) {
            await().atMost(AWHILE).until(() -> rig.probesFrom(EAST, 0).anyMatch(p -> WEST.equals(p.servedBy()))
                    && rig.probesFrom(EAST, 0).count() >= 30);
            assertThat(rig.probes()).extracting(Event.Probe::source).doesNotContain(SOUTH);
            assertThat(rig.probes()).extracting(Event.Probe::servedBy).doesNotContain(SOUTH);

            assertThat(mesh.perform(new Step.Scheduled(1, Duration.ZERO, new Step.Federate(SOUTH)))).isFalse();
            long joinedMs = rig.clock.ms();
            assertThat(mesh.perform(connect)).isTrue();

            Event.Measured measured = await().atMost(AWHILE).until(() -> rig.events.stream()
                    .filter(Event.Measured.class::isInstance).map(Event.Measured.class::cast).findFirst(),
                    Optional::isPresent).orElseThrow();
            assertThat(measured.name()).isEqualTo("connect");
            assertThat(measured.subject()).isEqualTo(SOUTH);
            assertThat(measured.resolutionMs()).isEqualTo(100);
            // The farthest peer is 150 ms away: discovery cannot work both ways before one round trip to it.
            assertThat(measured.valueMs()).isBetween(150.0, 10_000.0);
            assertThat(measured.tMs()).isGreaterThanOrEqualTo(joinedMs);
            assertThat(measured.detail()).contains(EAST).contains(WEST);

            await().atMost(AWHILE).until(() -> rig.probesFrom(EAST, joinedMs).anyMatch(p -> SOUTH.equals(p.servedBy()))
                    && rig.probesFrom(SOUTH, joinedMs).map(Event.Probe::servedBy).collect(Collectors.toSet())
                            .containsAll(Set.of(EAST, WEST, SOUTH)));
            assertThat(rig.notes()).contains(SOUTH + " joins the mesh with 2 peers");
            assertThat(mesh.desired()).isEmpty();
        }
    }

    /** Cuts {@code cluster} off from the two other clusters in both directions. */
    private static Heal partition(MeshRig rig, String cluster) {
        List<String> others = rig.fleet.clusters().stream().map(c -> c.name()).filter(n -> !n.equals(cluster)).toList();
        return new PartitionNemesis(rig.network)
                .inject(new FaultSpec.Partition(List.of(cluster), others, PartitionDirection.BOTH));
    }

    /** Calls from the other clusters, sent at or after {@code fromMs}, that were routed to {@code cluster} and failed. */
    private static List<Event.Probe> failedTowards(MeshRig rig, String cluster, long fromMs) {
        return rig.probes().stream()
                .filter(p -> !p.source().equals(cluster) && p.tMs() >= fromMs && !p.ok())
                .filter(p -> p.error() != null && p.error().contains("routed to " + cluster + ":"))
                .toList();
    }

    private static double p50(List<Event.Probe> probes) {
        Histogram histogram = new Histogram(3);
        probes.stream().filter(Event.Probe::ok).forEach(p -> histogram.recordValue(Math.round(p.latencyMs() * 1000)));
        assertThat(histogram.getTotalCount()).isPositive();
        return histogram.getValueAtPercentile(50) / 1000.0;
    }
}
