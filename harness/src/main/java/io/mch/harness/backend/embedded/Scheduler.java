package io.mch.harness.backend.embedded;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The kube-scheduler's essential choice: an unbound pod goes to a Ready node without a
 * NoSchedule/NoExecute taint that matches its nodeSelector, the one with the fewest pods first
 * (ties by name), which spreads replicas across nodes as the default scoring tends to.
 */
final class Scheduler {

    private final KubernetesClient client;

    Scheduler(KubernetesClient client) {
        this.client = client;
    }

    void reconcile(PassPods passPods) {
        List<Pod> pods = passPods.list();
        List<Pod> unbound = pods.stream()
                .filter(p -> Pods.nodeName(p) == null)
                .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                .toList();
        if (unbound.isEmpty()) {
            return;
        }
        passPods.changed(); // binds pods below
        List<Node> nodes = client.nodes().list().getItems().stream()
                .filter(Scheduler::schedulable)
                .toList();
        Map<String, Integer> load = new HashMap<>();
        pods.stream().map(Pods::nodeName).filter(Objects::nonNull).forEach(n -> load.merge(n, 1, Integer::sum));
        for (Pod pod : unbound) {
            nodes.stream()
                    .filter(n -> fits(pod, n))
                    .map(n -> n.getMetadata().getName())
                    .min(Comparator.comparing((String n) -> load.getOrDefault(n, 0)).thenComparing(n -> n))
                    .ifPresent(node -> {
                        pod.getSpec().setNodeName(node);
                        ApiWrites.orNextPass(() -> client.pods().resource(pod).update());
                        load.merge(node, 1, Integer::sum);
                    });
        }
    }

    private static boolean fits(Pod pod, Node node) {
        Map<String, String> selector = pod.getSpec().getNodeSelector();
        return selector == null || selector.isEmpty() || Labels.selects(selector, node.getMetadata().getLabels());
    }

    private static boolean schedulable(Node node) {
        boolean tainted = node.getSpec().getTaints() != null
                && node.getSpec().getTaints().stream()
                        .anyMatch(t -> "NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect()));
        return !tainted
                && !Boolean.TRUE.equals(node.getSpec().getUnschedulable())
                && "True".equals(NodeLifecycleController.readyStatus(node));
    }
}
