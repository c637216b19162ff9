package io.mch.harness.backend.embedded;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The pod side of the kubelets: a pod bound to a node whose kubelet runs becomes Running and Ready
 * once it has been bound for the startup delay (no containers really run; readiness is what the
 * harness observes through endpoints). A kubelet that comes back marks its pods ready again, as a
 * real one reports its still-running containers. Pods on a stopped kubelet are left alone: only
 * the node lifecycle controller changes them.
 */
final class PodRuntime {

    private final KubernetesClient client;
    private final Map<String, Kubelet> kubelets;
    private final Duration startupDelay;
    private final int clusterNumber;
    private final AtomicInteger allocatedIps = new AtomicInteger();
    private final Map<String, Instant> boundSince = new HashMap<>();

    /** @param clusterNumber 1-based; pod IPs are {@code 10.<clusterNumber>.x.y} */
    PodRuntime(KubernetesClient client, Map<String, Kubelet> kubelets, Duration startupDelay, int clusterNumber) {
        this.client = client;
        this.kubelets = kubelets;
        this.startupDelay = startupDelay;
        this.clusterNumber = clusterNumber;
    }

    void reconcile(PassPods passPods) {
        Instant now = Instant.now();
        List<Pod> pods = passPods.list();
        Set<String> uids = pods.stream().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet());
        boundSince.keySet().retainAll(uids);
        for (Pod pod : pods) {
            Kubelet kubelet = kubelets.get(String.valueOf(Pods.nodeName(pod)));
            if (kubelet == null || !kubelet.running() || (Pods.running(pod) && Pods.ready(pod))) {
                continue;
            }
            Instant bound = boundSince.computeIfAbsent(pod.getMetadata().getUid(), uid -> now);
            if (!bound.plus(startupDelay).isAfter(now)) {
                ApiWrites.orNextPass(() -> client.pods().resource(start(pod, kubelet)).updateStatus());
                passPods.changed();
            }
        }
    }

    private Pod start(Pod pod, Kubelet kubelet) {
        PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        String now = Pods.timestamp();
        status.setPhase("Running");
        status.setHostIP(kubelet.internalIp());
        if (status.getPodIP() == null) {
            status.setPodIP(nextIp());
        }
        if (status.getStartTime() == null) {
            status.setStartTime(now);
        }
        List<PodCondition> conditions =
                new ArrayList<>(status.getConditions() == null ? List.of() : status.getConditions());
        conditions.removeIf(c -> "PodScheduled".equals(c.getType()) || "Initialized".equals(c.getType()));
        conditions.add(Pods.condition("PodScheduled", "True", null, now));
        conditions.add(Pods.condition("Initialized", "True", null, now));
        status.setConditions(conditions);
        status.setContainerStatuses(pod.getSpec().getContainers().stream()
                .map(c -> containerStatus(c.getName(), c.getImage(), status.getStartTime()))
                .toList());
        pod.setStatus(status);
        Pods.setReady(pod, true, null);
        return pod;
    }

    private static ContainerStatus containerStatus(String name, String image, String startedAt) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withImage(image)
                .withReady(true)
                .withStarted(true)
                .withRestartCount(0)
                .withNewState()
                .withNewRunning(startedAt)
                .endState()
                .build();
    }

    private String nextIp() {
        int n = allocatedIps.getAndIncrement();
        return "10." + clusterNumber + "." + (n / 250 % 256) + "." + (n % 250 + 2);
    }
}
