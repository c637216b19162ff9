package io.mch.harness.config;

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
import io.mch.harness.input.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in namespaced kinds mch's backups carry, in Velero's restore priority (what others
 * refer to, accounts, configuration and claims, before the workloads that use it), and the
 * names Velero's resource filters use for them. Pods, ReplicaSets and Endpoints are not carried:
 * the restored Deployments and Services recreate them. Custom resources are carried as well:
 * every kind a CRD in the source cluster defines, and every custom kind of the workload.
 */
public final class VeleroResources {

    public static final List<Class<? extends HasMetadata>> BUILT_IN = List.of(
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

    private static final List<String> NOT_CARRIED = List.of("pods", "replicasets", "replicasets.apps", "endpoints",
            "endpointslices", "endpointslices.discovery.k8s.io", "events", "events.events.k8s.io");

    private VeleroResources() {}

    /** The plural of a built-in kind ({@code deployments}). */
    public static String plural(Class<? extends HasMetadata> kind) {
        return HasMetadata.getPlural(kind);
    }

    /** The API group of a built-in kind ({@code apps}; "" for the core group). */
    public static String group(Class<? extends HasMetadata> kind) {
        String group = HasMetadata.getGroup(kind);
        return group == null ? "" : group;
    }

    /** Every name a filter may give a built-in kind by: plural, and plural.group outside the core group. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (var kind : BUILT_IN) {
            names.add(plural(kind));
            if (!group(kind).isEmpty()) {
                names.add(plural(kind) + "." + group(kind));
            }
        }
        return names;
    }

    /** Why {@code resource} cannot be a filter's value, if it cannot. */
    static Optional<String> problem(String resource) {
        List<String> names = names();
        if (names.contains(resource)) {
            return Optional.empty();
        }
        if (NOT_CARRIED.contains(resource)) {
            return Optional.of("'" + resource + "' is not in mch's backups: the restored controllers recreate them");
        }
        int dot = resource.indexOf('.');
        if (dot > 0 && resource.indexOf('.', dot + 1) > 0 && Names.valid(resource.substring(0, dot))) {
            return Optional.empty(); // a custom resource, fully qualified: plural.group with a dotted group
        }
        return Optional.of("unknown resource '" + Names.shown(resource) + "'; give a plural (" + String.join(", ",
                names.stream().filter(n -> !n.contains(".")).toList()) + "), a plural with its group, or a custom"
                + " resource as plural.group (e.g. dnsendpoints.externaldns.k8s.io)" + Names.hint(resource, names));
    }
}
