package io.mch.harness.fabric.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.mch.harness.workload.AnyKind;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.mch.harness.measure.ConsistencyMonitor;
import io.mch.harness.measure.SpecMatch;

/**
 * One object as the repository wants it, kept as the tree the author wrote (plus namespace and
 * tracking labels) rather than as a typed object: comparing only what the author wrote is Argo CD's
 * diff, and a typed object's defaults would otherwise read as drift.
 *
 * @param key {@code Kind/namespace/name}, as the consistency monitor names objects
 */
record Manifest(String key, ObjectNode tree) {

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** A fresh typed object to send (clients may fill in fields of what they are given). */
    HasMetadata object() {
        return toObject(tree);
    }

    /** Whether {@code live} carries every field this manifest mentions; a missing object does not. */
    boolean matches(HasMetadata live) {
        return live != null && SpecMatch.contains(SERIALIZATION.convertValue(live, JsonNode.class), tree);
    }

    /** The live object on the cluster behind {@code client}, or null. */
    HasMetadata live(KubernetesClient client) {
        return on(client, object()).get();
    }

    /** Creates the object, or replaces it when it exists (the embedded API server has no server-side apply). */
    void apply(KubernetesClient client) {
        replace(on(client, object()));
    }

    void delete(KubernetesClient client) {
        on(client, object()).delete();
    }

    /**
     * The object's handle on a cluster, found as {@link AnyKind} finds it for the workload and the
     * consistency monitor: a custom kind by its CRD, discovery, or Kubernetes' plural convention, so
     * what GitOps applies is what consistency reads back.
     */
    static Resource<? extends HasMetadata> on(KubernetesClient client, HasMetadata object) {
        return AnyKind.of(client, object);
    }

    private static <T extends HasMetadata> void replace(Resource<T> resource) {
        resource.createOr(NonDeletingOperation::update);
    }

    static Manifest of(ObjectNode tree) {
        return new Manifest(ConsistencyMonitor.key(toObject(tree)), tree);
    }

    static HasMetadata toObject(JsonNode tree) {
        KubernetesResource resource = SERIALIZATION.convertValue(tree, KubernetesResource.class);
        if (!(resource instanceof HasMetadata object)) {
            throw new IllegalArgumentException("not a Kubernetes object with metadata: " + tree);
        }
        return object;
    }
}
