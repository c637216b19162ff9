package io.mch.harness.fabric.replication;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;

/**
 * The namespaced kinds a backup carries, in Velero's restore priority: what others refer to
 * (accounts, configuration, claims) is restored before the workloads that mount or use it. Pods,
 * ReplicaSets and Endpoints are left out, as Velero leaves them to the restored controllers.
 */
final class Kinds {

    static final List<Class<? extends HasMetadata>> BACKED_UP = List.of(
            ServiceAccount.class,
            Role.class,
            RoleBinding.class,
            ConfigMap.class,
            Secret.class,
            PersistentVolumeClaim.class,
            Service.class,
            Deployment.class,
            StatefulSet.class,
            DaemonSet.class,
            CronJob.class,
            Ingress.class);

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
