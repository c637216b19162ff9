package io.mch.harness.fabric.mesh;

import io.mch.harness.config.MeshSpec.Affinity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * How a pod's call to a global service picks a cluster, as Cilium's service affinity does: by the
 * endpoints the calling cluster's agent knows, fresh or stale. It never looks at whether a remote
 * cluster answers, which is why stale endpoints of a partitioned cluster keep drawing calls.
 */
final class Routing {

    private Routing() {}

    /**
     * The cluster to send one call to, or empty when no endpoint is known anywhere.
     *
     * @param local the calling cluster's ready endpoints of the service
     * @param remote the endpoints the calling cluster knows in each peer
     */
    static Optional<String> choose(String self, int local, Map<String, Integer> remote, Affinity affinity, Random random) {
        Map<String, Integer> remotes = new LinkedHashMap<>();
        remote.forEach((cluster, count) -> {
            if (count > 0) {
                remotes.put(cluster, count);
            }
        });
        return switch (affinity) {
            case LOCAL -> local > 0 ? Optional.of(self) : weighted(remotes, random);
            case REMOTE -> !remotes.isEmpty() ? weighted(remotes, random) : local > 0 ? Optional.of(self) : Optional.empty();
            case NONE -> {
                Map<String, Integer> all = new LinkedHashMap<>();
                if (local > 0) {
                    all.put(self, local);
                }
                all.putAll(remotes);
                yield weighted(all, random);
            }
        };
    }

    /** A cluster drawn with probability proportional to its endpoint count. */
    private static Optional<String> weighted(Map<String, Integer> counts, Random random) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return Optional.empty();
        }
        int pick;
        synchronized (random) {
            pick = random.nextInt(total);
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            pick -= e.getValue();
            if (pick < 0) {
                return Optional.of(e.getKey());
            }
        }
        throw new IllegalStateException("unreachable: the pick is below the total");
    }
}
