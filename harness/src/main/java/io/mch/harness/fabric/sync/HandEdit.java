package io.mch.harness.fabric.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.mch.harness.config.Step;
import java.util.List;
import java.util.Map;

/**
 * An operator's edit of a live object behind the GitOps controller's back, made with the cluster's
 * direct client: the drift that self-heal exists to revert. The patch is a JSON merge patch
 * (RFC 7386) applied on the client side, since the embedded API server takes no strategic merge.
 */
final class HandEdit {

    /** Where a kind the repository does not mention is looked for, in this order. */
    private static final List<String> API_VERSIONS = List.of("v1", "apps/v1", "networking.k8s.io/v1", "batch/v1",
            "policy/v1", "rbac.authorization.k8s.io/v1", "autoscaling/v2");
    private static final int CONFLICT = 409;
    private static final int ATTEMPTS = 3;

    private HandEdit() {}

    /**
     * Patches or deletes the object; {@code known} (the repository's manifests) tells the kind's
     * API version. Returns what was done, for the event log.
     */
    static String apply(KubernetesClient direct, Step.Drift drift, List<Manifest> known) {
        ObjectNode skeleton = JsonNodeFactory.instance.objectNode();
        skeleton.put("apiVersion", apiVersion(drift.objectKind(), known));
        skeleton.put("kind", drift.objectKind());
        skeleton.putObject("metadata").put("name", drift.name());
        HasMetadata ref = Manifest.toObject(skeleton);
        if (ref instanceof Namespaced || ref instanceof GenericKubernetesResource) {
            ref.getMetadata().setNamespace(drift.namespace() == null ? "default" : drift.namespace());
        }
        String what = drift.objectKind() + "/" + (ref.getMetadata().getNamespace() == null ? "" : ref.getMetadata().getNamespace() + "/")
                + drift.name() + " on " + drift.cluster();
        for (int attempt = 1; ; attempt++) {
            HasMetadata live = Manifest.on(direct, ref).get();
            if (live == null) {
                return "drift: " + what + " does not exist; nothing edited";
            }
            if (drift.delete()) {
                Manifest.on(direct, live).delete();
                return "drift: " + what + " deleted by hand";
            }
            ObjectNode tree = Manifest.SERIALIZATION.convertValue(live, ObjectNode.class);
            merge(tree, Manifest.SERIALIZATION.convertValue(drift.patch().orElse(Map.of()), JsonNode.class));
            try {
                update(Manifest.on(direct, Manifest.toObject(tree)));
                return "drift: " + what + " edited by hand";
            } catch (KubernetesClientException e) {
                // The controller may have written it in between: read it again, as kubectl edit would.
                if (e.getCode() != CONFLICT || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static <T extends HasMetadata> void update(Resource<T> resource) {
        resource.update();
    }

    /** RFC 7386: null removes a field, an object merges into an object, anything else replaces. */
    static void merge(ObjectNode target, JsonNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject()) {
                JsonNode existing = target.get(field.getKey());
                ObjectNode into = existing instanceof ObjectNode o ? o : target.putObject(field.getKey());
                merge(into, value);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static String apiVersion(String kind, List<Manifest> known) {
        return known.stream()
                .filter(m -> kind.equals(m.tree().path("kind").asText()))
                .map(m -> m.tree().path("apiVersion").asText())
                .findFirst()
                .or(() -> API_VERSIONS.stream()
                        .filter(v -> Manifest.SERIALIZATION.getRegisteredKubernetesResource(v, kind) != null)
                        .findFirst())
                .orElseThrow(() -> new IllegalArgumentException("drift: unknown kind " + kind
                        + " (neither in the repository nor a built-in Kubernetes kind)"));
    }
}
