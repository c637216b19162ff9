package io.mch.harness.fabric.replication;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.mch.harness.workload.AnyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Objects as they travel between clusters: without what the source API server assigned (uid,
 * resourceVersion, timestamps, status, a Service's cluster IP), so that they can be created in
 * another cluster, and so that two copies of the same object compare equal. Velero strips the
 * same fields on restore.
 */
final class Manifests {

    /** The ConfigMap, one per source cluster, whose arrival in a target measures replication lag. */
    static final String HEARTBEAT_PREFIX = "mch-replication-heartbeat-";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final List<String> SERVER_METADATA = List.of(
            "resourceVersion", "uid", "creationTimestamp", "managedFields", "generation", "selfLink",
            "ownerReferences", "deletionTimestamp", "deletionGracePeriodSeconds");

    private Manifests() {}

    /** The object without server-assigned fields, as a tree. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> portable(HasMetadata object) {
        Map<String, Object> tree = SERIALIZATION.convertValue(object, Map.class);
        tree.remove("status");
        if (tree.get("metadata") instanceof Map<?, ?> metadata) {
            SERVER_METADATA.forEach(metadata::remove);
        }
        if (tree.get("spec") instanceof Map<?, ?> spec) {
            switch (object.getKind()) {
                case "Service" -> {
                    spec.remove("clusterIP");
                    spec.remove("clusterIPs");
                }
                case "PersistentVolumeClaim" -> spec.remove("volumeName");
                default -> {}
            }
        }
        return tree;
    }

    /** The portable form of {@code object} as a typed object of its own class. */
    static <T extends HasMetadata> T portableCopy(T object) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) object.getClass();
        return SERIALIZATION.convertValue(portable(object), type);
    }

    static String yaml(HasMetadata object) {
        return SERIALIZATION.asYaml(portable(object));
    }

    /** Parses a manifest written by {@link #yaml}, into the class registered for its kind. */
    static HasMetadata parse(String yaml) {
        Object parsed = SERIALIZATION.unmarshal(yaml);
        if (!(parsed instanceof HasMetadata object)) {
            throw new IllegalArgumentException("not a Kubernetes object: " + yaml.lines().findFirst().orElse(""));
        }
        return object;
    }

    /**
     * The file a backup keeps the object in: {@code configmap--shop--app-config.yaml} (kind, with
     * its API group outside the core group, namespace, name), unique within a backup.
     */
    static String fileName(HasMetadata object) {
        String apiVersion = object.getApiVersion();
        String group = apiVersion.contains("/") ? "." + apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String namespace = object.getMetadata().getNamespace();
        return object.getKind().toLowerCase(Locale.ROOT) + group + "--" + (namespace == null ? "" : namespace + "--")
                + object.getMetadata().getName() + ".yaml";
    }

    /**
     * Whether the object belongs to its cluster rather than to the application: the API server's
     * CA bundle, service-account tokens, and mch's own heartbeats. Neither backups nor replication
     * carry them.
     */
    static boolean clusterOwned(HasMetadata object) {
        String name = object.getMetadata().getName();
        return name.equals("kube-root-ca.crt")
                || name.startsWith(HEARTBEAT_PREFIX)
                || object instanceof Secret s && "kubernetes.io/service-account-token".equals(s.getType());
    }

    /** Objects sorted in restore order (CRDs first, then see {@link Kinds}), by name within a kind. */
    static List<HasMetadata> inRestoreOrder(List<HasMetadata> objects) {
        List<HasMetadata> sorted = new ArrayList<>(objects);
        sorted.sort((a, b) -> {
            int byKind = Integer.compare(priority(a), priority(b));
            return byKind != 0 ? byKind : a.getMetadata().getName().compareTo(b.getMetadata().getName());
        });
        return sorted;
    }

    private static int priority(HasMetadata object) {
        return object instanceof CustomResourceDefinition ? -1 : Kinds.priority(object.getKind());
    }

    /**
     * Creates {@code object}, or replaces {@code live} (the object of that name now in the cluster,
     * or null) with it; objects keep their names, so a repeated restore or copy never duplicates.
     */
    static void write(KubernetesClient client, HasMetadata object, HasMetadata live) {
        HasMetadata copy = SERIALIZATION.clone(object);
        if (live == null) {
            AnyKind.of(client, copy).create();
        } else {
            copy.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
            AnyKind.of(client, copy).update();
        }
    }

    /** Whether two objects carry the same portable content. */
    static boolean same(HasMetadata a, HasMetadata b) {
        return portable(a).equals(portable(b));
    }
}
