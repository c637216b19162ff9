package io.mch.harness.fabric.replication;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.mch.harness.config.VeleroResources;
import java.util.List;

/**
 * The kinds replication and backups carry: backups carry {@link VeleroResources#BUILT_IN} (restored
 * in that order, custom kinds after them) and object replication ConfigMaps and Secrets.
 */
final class Kinds {

    static final List<Class<? extends HasMetadata>> BACKED_UP = VeleroResources.BUILT_IN;

    /** What continuous object replication can copy. */
    private static final List<Class<? extends HasMetadata>> REPLICABLE = List.of(ConfigMap.class, Secret.class);

    private Kinds() {}

    /** The replicable kind called {@code kind} ({@code ConfigMap}, {@code Secret}). */
    static Class<? extends HasMetadata> replicable(String kind) {
        return REPLICABLE.stream()
                .filter(c -> c.getSimpleName().equals(kind))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "replication copies ConfigMap and Secret objects, not " + kind));
    }

    /** Restore order of a kind; kinds not backed up come last. */
    static int priority(String kind) {
        for (int i = 0; i < BACKED_UP.size(); i++) {
            if (BACKED_UP.get(i).getSimpleName().equals(kind)) {
                return i;
            }
        }
        return BACKED_UP.size();
    }
}
