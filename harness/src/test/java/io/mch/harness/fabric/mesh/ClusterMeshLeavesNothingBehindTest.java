package io.mch.harness.fabric.mesh;

import static io.mch.harness.fabric.mesh.MeshRig.EAST;
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
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Closing the mesh stops every agent, reader, client and probe thread it started, also while
 * reads hang on a partitioned peer and a connect is still unmeasured; the fleet and network are
 * the run's and stay.
 */
class ClusterMeshLeavesNothingBehindTest {

    @Test
    void closingStopsEveryThreadEvenWithReadsHangingOnAPartitionedPeer() throws Exception {
        Set<Thread> beforeRig = Thread.getAllStackTraces().keySet();
        try (MeshRig rig = new MeshRig(Optional.of("none"))) {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            Step.Scheduled connect = new Step.Scheduled(0, Duration.ofSeconds(1), new Step.Connect(SOUTH));
            ClusterMesh mesh = ClusterMesh.start(MeshRig.spec(Duration.ZERO, Affinity.LOCAL), rig.context(List.of(connect)));
            mesh.perform(connect);
            // Right after the join, before the first read across 80-150 ms links can have answered.
            Heal heal = new PartitionNemesis(rig.network)
                    .inject(new FaultSpec.Partition(List.of(SOUTH), List.of(EAST, WEST), PartitionDirection.BOTH));
            try {
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rig.notes())
                        .anyMatch(n -> n.startsWith(EAST + " cannot reach " + SOUTH)));
                await().atMost(Duration.ofSeconds(20)).until(() -> rig.probesFrom(EAST, 0).count() >= 20);
                assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                        .anyMatch(n -> n.startsWith("mch-mesh-"));

                mesh.close();
                int recorded = rig.events.size();

                // What is left is the run's: the fleet's ingress workers and the network's link proxies.
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(newThreads(before))
                        .allMatch(n -> n.startsWith("mch-link-") || n.matches("mch-[a-z-]+-ingress-\\d+")));
                assertThat(rig.events).hasSize(recorded);
                assertThat(rig.events).filteredOn(Event.Measured.class::isInstance).isEmpty();
                assertThat(rig.notes()).contains(SOUTH + " joined at "
                        + String.format(java.util.Locale.ROOT, "%.1f", rig.events.stream()
                                .filter(e -> e instanceof Event.FabricNote n && n.message().contains("joins the mesh"))
                                .findFirst().orElseThrow().tMs() / 1000.0)
                        + " s but cross-cluster discovery never worked both ways before the mesh stopped");
                mesh.close();
                assertThat(rig.events).hasSize(recorded);
            } finally {
                heal.heal();
            }
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(newThreads(beforeRig)).isEmpty());
    }

    /** Threads started since {@code before} and still alive, except process-wide pools nobody owns. */
    private static List<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName)
                .filter(n -> !n.startsWith("ForkJoinPool.commonPool") && !n.startsWith("CachedSingleThreadScheduler-")
                        && !n.startsWith("awaitility") && !n.startsWith("Attach Listener"))
                .sorted()
                .toList();
    }
}
