package io.mch.harness.fabric.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.harness.config.MeshSpec.Affinity;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RoutingTest {

    private static final Map<String, Integer> PEERS = orderedMap("b", 1, "c", 3, "d", 0);

    @Test
    void localAffinityStaysLocalWhileAnyLocalEndpointIsReadyElseSpreadsOverPeers() {
        assertThat(draws(1, PEERS, Affinity.LOCAL)).containsOnlyKeys("a");
        assertThat(draws(0, PEERS, Affinity.LOCAL)).containsOnlyKeys("b", "c");
        assertThat(Routing.choose("a", 0, Map.of("b", 0), Affinity.LOCAL, new Random(1))).isEmpty();
    }

    @Test
    void remoteAffinityPrefersAnyKnownPeerAndFallsBackToLocal() {
        assertThat(draws(3, PEERS, Affinity.REMOTE)).containsOnlyKeys("b", "c");
        assertThat(draws(3, Map.of("b", 0), Affinity.REMOTE)).containsOnlyKeys("a");
        assertThat(Routing.choose("a", 0, Map.of(), Affinity.REMOTE, new Random(1))).isEmpty();
    }

    @Test
    void noAffinitySpreadsByEndpointCount() {
        Map<String, Integer> counts = draws(2, PEERS, Affinity.NONE);
        assertThat(counts).containsOnlyKeys("a", "b", "c");
        // 2 : 1 : 3 endpoints over 6000 draws: about 2000, 1000, 3000.
        assertThat(counts.get("a")).isBetween(1800, 2200);
        assertThat(counts.get("b")).isBetween(850, 1150);
        assertThat(counts.get("c")).isBetween(2800, 3200);
    }

    private static Map<String, Integer> draws(int local, Map<String, Integer> remote, Affinity affinity) {
        Random random = new Random(42);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 6000; i++) {
            Optional<String> chosen = Routing.choose("a", local, remote, affinity, random);
            assertThat(chosen).isPresent();
            counts.merge(chosen.get(), 1, Integer::sum);
        }
        return counts;
    }

    private static Map<String, Integer> orderedMap(String k1, int v1, String k2, int v2, String k3, int v3) {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        map.put(k3, v3);
        return map;
    }
}
