package io.mch.harness.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.harness.config.MeshSpec.Affinity;
import io.mch.harness.config.ReplicationSpec.Backup;
import io.mch.harness.config.ReplicationSpec.ObjectReplication;
import io.mch.harness.config.SyncSpec.Application;
import io.mch.harness.config.SyncSpec.Policy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sample hub-spoke fixture, with every fabric section, bound into the records the engines read. */
class FabricSectionsTest {

    private final Path dir = TestFiles.resources("fabric").toAbsolutePath().normalize();

    @Test
    void bindsEveryFabricSectionOfTheSampleTopology() throws Exception {
        Topology topology = TopologyLoader.load(dir.resolve("hub-spoke.yaml"));

        Path repository = dir.resolve("gitops/repo");
        Path apps = dir.resolve("gitops/apps.yaml");
        SyncSpec sync = topology.fabric().sync().orElseThrow();
        assertThat(sync).isEqualTo(new SyncSpec("hub", repository, List.of(
                new Application("web", "ApplicationSet", apps, Map.of("env", "production"), List.of("apps/web"),
                        "shop", true, true),
                new Application("guestbook", "ApplicationSet", apps,
                        new SyncSpec.Targets(List.of(LabelSelector.labels(Map.of())), true), List.of("apps/guestbook"),
                        "default", false, false, false, false, Optional.empty(), SyncSpec.Rendering.DIRECTORY),
                new Application("monitoring", "GitRepo", dir.resolve("gitops/fleet.yaml"), new SyncSpec.Targets(List.of(
                        LabelSelector.labels(Map.of("env", "production")), LabelSelector.labels(Map.of("env", "staging"))),
                        false), List.of("apps/monitoring"), "monitoring", true, true, true, true,
                        Optional.of(SyncSpec.FLEET_POLL), SyncSpec.Rendering.RECURSIVE)),
                Duration.ofSeconds(120), Duration.ofSeconds(60), List.of(
                        new Policy("baseline", List.of(dir.resolve("policies/quota.yaml"), dir.resolve("policies/netpol.yaml")),
                                Map.of("env", "production")),
                        new Policy("everywhere", List.of(dir.resolve("policies/quota.yaml")), Map.of()))));
        assertThat(topology.fabric().mesh()).contains(new MeshSpec(Duration.ofSeconds(30), Duration.ofSeconds(2),
                Affinity.LOCAL, 10, Optional.of(Duration.ofMillis(500))));
        assertThat(topology.fabric().replication()).contains(new ReplicationSpec(
                Optional.of(Backups.every("us-east", "shop", Duration.ofMinutes(1), Optional.of(Path.of("backups")),
                        "eu-west", Optional.of(dir.resolve("velero/schedule.yaml")))),
                List.of(new ObjectReplication("us-east", List.of("eu-west", "dev"), "shop", List.of("Secret"),
                                Duration.ofSeconds(5)),
                        new ObjectReplication("eu-west", List.of("us-east"), "default", List.of("ConfigMap", "Secret"),
                                Duration.ofSeconds(10)))));
        assertThat(topology.fabric().globalLoadBalancer()).isPresent();
    }
}
