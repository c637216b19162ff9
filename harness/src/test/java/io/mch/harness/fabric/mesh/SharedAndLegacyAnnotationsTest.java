package io.mch.harness.fabric.mesh;

import static io.mch.harness.fabric.mesh.MeshRig.EAST;
import static io.mch.harness.fabric.mesh.MeshRig.SOUTH;
import static io.mch.harness.fabric.mesh.MeshRig.WEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mch.harness.config.MeshSpec.Affinity;
import io.mch.reports.history.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Cilium's per-cluster annotations on a live mesh: us-east and eu-west mark the service global but
 * not shared ({@code service.cilium.io/shared: "false"}), ap-south marks it global with the legacy
 * {@code io.cilium/global-service} only (shared by default). With affinity none every call may go
 * to any endpoint its cluster knows, so where calls land shows what each cluster shares.
 */
class SharedAndLegacyAnnotationsTest {

    private static final Duration AWHILE = Duration.ofSeconds(30);

    @Test
    void sharedFalseKeepsAClustersEndpointsToItsOwnCallsAndTheLegacyAnnotationMakesAGlobalService() throws Exception {
        Map<String, Map<String, String>> annotations = Map.of(
                EAST, Map.of(GlobalService.GLOBAL, "true", GlobalService.SHARED, "false"),
                WEST, Map.of(GlobalService.GLOBAL, "true", "io.cilium/shared-service", "false"),
                SOUTH, Map.of("io.cilium/global-service", "true"));
        try (var rig = new MeshRig(annotations::get);
                ClusterMesh mesh = ClusterMesh.start(MeshRig.spec(Duration.ZERO, Affinity.NONE), rig.context(List.of()))) {
            await().atMost(AWHILE).until(() -> rig.probesFrom(EAST, 0).filter(Event.Probe::ok).count() >= 60
                    && rig.probesFrom(SOUTH, 0).filter(Event.Probe::ok).count() >= 60);

            assertThat(servedBy(rig, SOUTH)).as("nobody else shares: ap-south's calls stay local").containsOnly(SOUTH);
            assertThat(servedBy(rig, EAST)).as("us-east shares nothing but takes ap-south's").containsOnly(EAST, SOUTH)
                    .contains(SOUTH);
            assertThat(servedBy(rig, WEST)).containsOnly(WEST, SOUTH).contains(SOUTH);
            assertThat(rig.probes()).filteredOn(Event.Probe::ok).isNotEmpty();
        }
    }

    private static Set<String> servedBy(MeshRig rig, String source) {
        return rig.probesFrom(source, 0).filter(Event.Probe::ok).map(Event.Probe::servedBy).collect(Collectors.toSet());
    }
}
