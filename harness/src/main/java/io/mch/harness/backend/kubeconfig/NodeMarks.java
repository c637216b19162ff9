package io.mch.harness.backend.kubeconfig;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node loss on a real node, and its exact undo. Mch cannot stop someone else's kubelet, so it
 * does what the node lifecycle controller does to a node it gave up on: no new pods
 * ({@code spec.unschedulable}) and a {@code NoExecute} taint that makes the taint manager evict
 * every pod that does not tolerate it, at once. The node carries {@value Ownership#CORDONED_BY} so
 * that the undo (or {@code mch heal} after a killed run) uncordons only what mch cordoned.
 */
final class NodeMarks {

    private NodeMarks() {}

    /** Cordons and taints {@code node} for run {@code runId}. */
    static void mark(KubernetesClient client, String node, String runId) {
        client.nodes().withName(node).edit(n -> {
            List<Taint> taints = new ArrayList<>(Optional.ofNullable(n.getSpec().getTaints()).orElse(List.of()));
            taints.removeIf(t -> Ownership.NODE_LOSS_TAINT.equals(t.getKey()));
            taints.add(new TaintBuilder()
                    .withKey(Ownership.NODE_LOSS_TAINT)
                    .withValue(runId)
                    .withEffect("NoExecute")
                    .build());
            Map<String, String> annotations = new HashMap<>(Optional.ofNullable(n.getMetadata().getAnnotations()).orElse(Map.of()));
            annotations.put(Ownership.CORDONED_BY, runId);
            return new NodeBuilder(n)
                    .editMetadata().withAnnotations(annotations).endMetadata()
                    .editSpec().withUnschedulable(true).withTaints(taints).endSpec()
                    .build();
        });
    }

    /**
     * Removes mch's taints from {@code node} and uncordons it if mch cordoned it; with
     * {@code runId}, only that run's marks. Returns what it did, or empty when the node carried no
     * mark.
     */
    static Optional<String> unmark(KubernetesClient client, Node node, Optional<String> runId) {
        List<Taint> taints = Optional.ofNullable(node.getSpec().getTaints()).orElse(List.of());
        List<Taint> ours = taints.stream().filter(t -> ours(t, runId)).toList();
        String cordonedBy = Optional.ofNullable(node.getMetadata().getAnnotations())
                .map(a -> a.get(Ownership.CORDONED_BY))
                .orElse(null);
        boolean uncordon = cordonedBy != null && runId.map(cordonedBy::equals).orElse(true);
        if (ours.isEmpty() && !uncordon) {
            return Optional.empty();
        }
        String name = node.getMetadata().getName();
        client.nodes().withName(name).edit(n -> {
            List<Taint> kept = new ArrayList<>(Optional.ofNullable(n.getSpec().getTaints()).orElse(List.of()));
            kept.removeIf(t -> ours(t, runId));
            NodeBuilder edited = new NodeBuilder(n).editSpec().withTaints(kept).endSpec();
            if (uncordon) {
                Map<String, String> annotations = new HashMap<>(n.getMetadata().getAnnotations());
                annotations.remove(Ownership.CORDONED_BY);
                edited.editMetadata().withAnnotations(annotations).endMetadata()
                        .editSpec().withUnschedulable(false).endSpec();
            }
            return edited.build();
        });
        List<String> done = new ArrayList<>();
        if (uncordon) {
            done.add("uncordoned (cordoned by run " + cordonedBy + ")");
        }
        ours.forEach(t -> done.add("removed taint " + t.getKey() + "=" + Optional.ofNullable(t.getValue()).orElse("")
                + ":" + t.getEffect()));
        return Optional.of("node " + name + ": " + String.join(", ", done));
    }

    private static boolean ours(Taint taint, Optional<String> runId) {
        return taint.getKey() != null
                && taint.getKey().startsWith(Ownership.TAINT_PREFIX)
                && runId.map(id -> id.equals(taint.getValue())).orElse(true);
    }
}
