package io.mch.harness.config;

import io.mch.harness.input.Problem;
import static io.mch.harness.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.mch.harness.config.MeshSpec.Affinity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshBinderTest {

    @TempDir
    Path dir;

    /** A topology whose {@code fabric.mesh} body starts on line 7. */
    private Path topology(String mesh) {
        return write(dir, "t.yaml", """
                name: t
                clusters:
                  - { name: a, region: r1, role: peer }
                  - { name: b, region: r2, role: peer }
                fabric:
                  mesh:
                """ + mesh);
    }

    @Test
    void defaultsToCiliumBehaviour() throws Exception {
        MeshSpec mesh = TopologyLoader.load(topology("    {}\n")).fabric().mesh().orElseThrow();

        assertThat(mesh).isEqualTo(new MeshSpec(Duration.ZERO, MeshSpec.DEFAULT_DISCOVERY_INTERVAL, Affinity.NONE,
                MeshSpec.DEFAULT_CLIENT_RATE, Optional.empty()));
    }

    @Test
    void readsEveryField() throws Exception {
        MeshSpec mesh = TopologyLoader.load(topology("""
                    stale-endpoint-ttl: 2m
                    discovery-interval: 500ms
                    affinity: remote
                    clients: { rate: 120/m, timeout: 2s }
                """)).fabric().mesh().orElseThrow();

        assertThat(mesh).isEqualTo(new MeshSpec(Duration.ofMinutes(2), Duration.ofMillis(500), Affinity.REMOTE, 2,
                Optional.of(Duration.ofSeconds(2))));
    }

    @Test
    void reportsBadValuesAtTheirPosition() {
        Path file = topology("""
                    stale-endpoint-ttl: never
                    discovery-interval: 0s
                    affinity: locale
                    clients: { rate: 5, timeout: 0s, burst: 3 }
                """);

        assertThat(Validation.validate(file)).containsExactly(
                new Problem(file, 7, 25, "fabric.mesh.stale-endpoint-ttl", "malformed duration 'never'; expected a"
                        + " number with unit ms, s, m or h, e.g. 30s, 1500ms, 0.5s, 3m"),
                new Problem(file, 8, 25, "fabric.mesh.discovery-interval", "must be above zero"),
                new Problem(file, 9, 15, "fabric.mesh.affinity",
                        "'locale' is not one of local, remote, none; did you mean 'local'?"),
                new Problem(file, 10, 22, "fabric.mesh.clients.rate",
                        "malformed rate '5'; expected a number per s, m or h, e.g. 50/s or 600/m"),
                new Problem(file, 10, 34, "fabric.mesh.clients.timeout", "must be above zero"),
                new Problem(file, 10, 38, "fabric.mesh.clients.burst",
                        "unknown field 'burst'; allowed fields are rate, timeout"));
    }
}
