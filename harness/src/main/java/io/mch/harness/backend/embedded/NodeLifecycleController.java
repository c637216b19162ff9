package io.mch.harness.backend.embedded;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mch.harness.backend.BackendListener;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Kubernetes' node lifecycle controller, reduced to what failover depends on. Like the real one it
 * times a node by when <em>it</em> last saw the Lease change, not by the time written in it; a node
 * silent for longer than node-monitor-grace-period becomes Ready=Unknown, its pods turn not ready
 * (so endpoints drop them) and it gets the {@code node.kubernetes.io/unreachable:NoExecute} taint;
 * after pod-eviction-timeout more (the default toleration) its pods are deleted, and their
 * controllers recreate them elsewhere. A node that heartbeats again becomes Ready and untainted;
 * evicted pods stay evicted.
 */
final class NodeLifecycleController {

    static final String UNREACHABLE_TAINT = "node.kubernetes.io/unreachable";

    private final String cluster;
    private final KubernetesClient client;
    private final Duration gracePeriod;
    private final Duration evictionTimeout;
    private final BackendListener listener;

    private final Map<String, ZonedDateTime> observedRenewTime = new HashMap<>();
    private final Map<String, Instant> probeTime = new HashMap<>();
    private final Map<String, Instant> unreachableSince = new HashMap<>();
    private final Map<String, String> readiness = new ConcurrentHashMap<>();

    NodeLifecycleController(
            String cluster,
            KubernetesClient client,
            Duration gracePeriod,
            Duration evictionTimeout,
            BackendListener listener) {
        this.cluster = cluster;
        this.client = client;
        this.gracePeriod = gracePeriod;
        this.evictionTimeout = evictionTimeout;
        this.listener = listener;
    }

    /** Each node's Ready condition as last seen or set by this controller (and reported). */
    Map<String, String> readiness() {
        return Map.copyOf(readiness);
    }

    /**
     * Starts the heartbeat clocks afresh, as a restarted controller manager does, so that a pause
     * of the whole control plane does not by itself make every node Unknown.
     */
    synchronized void forgetObservations() {
        observedRenewTime.clear();
        probeTime.clear();
    }

    /** One monitoring pass over all nodes. */
    synchronized void monitor() {
        Instant now = Instant.now();
        Map<String, Lease> leases = client.leases().inNamespace(Kubelet.LEASE_NAMESPACE).list().getItems().stream()
                .collect(Collectors.toMap(l -> l.getMetadata().getName(), Function.identity()));
        List<Pod> pods = null;
        for (Node node : client.nodes().list().getItems()) {
            String name = node.getMetadata().getName();
            observe(name, leases.get(name), now);
            boolean silent = probeTime.get(name).plus(gracePeriod).isBefore(now);
            String status = readyStatus(node);
            if (silent) {
                if (!"Unknown".equals(status) || unreachableTaint(node) == null) {
                    status = markUnknown(node);
                }
                Instant since = unreachableSince.computeIfAbsent(name, n -> now);
                pods = pods == null ? client.pods().inAnyNamespace().list().getItems() : pods;
                boolean evict = !since.plus(evictionTimeout).isAfter(now);
                for (Pod pod : pods) {
                    if (name.equals(Pods.nodeName(pod))) {
                        ApiWrites.orNextPass(() -> {
                            if (evict) {
                                evict(pod);
                            } else {
                                markNotReady(pod);
                            }
                        });
                    }
                }
            } else {
                unreachableSince.remove(name);
                if (!"True".equals(status) || unreachableTaint(node) != null) {
                    status = markReady(node);
                }
            }
            String reported = readiness.put(name, status);
            if (!status.equals(reported)) {
                listener.nodeStatus(cluster, name, status);
            }
        }
    }

    private void observe(String node, Lease lease, Instant now) {
        ZonedDateTime renewed = lease == null ? null : lease.getSpec().getRenewTime();
        if (!probeTime.containsKey(node) || (renewed != null && !renewed.equals(observedRenewTime.get(node)))) {
            probeTime.put(node, now);
            observedRenewTime.put(node, renewed);
        }
    }

    private String markUnknown(Node node) {
        return transition(node, "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status.", true);
    }

    private String markReady(Node node) {
        return transition(node, "True", "KubeletReady", "kubelet is posting ready status", false);
    }

    /**
     * Writes the Ready condition, then the taint; returns the new status, or the old one when a
     * write lost a race (the next pass retries both, since it checks the taint too).
     */
    private String transition(Node node, String status, String reason, String message, boolean tainted) {
        String before = readyStatus(node);
        String now = Pods.timestamp();
        List<NodeCondition> conditions = new ArrayList<>(node.getStatus().getConditions());
        conditions.removeIf(c -> "Ready".equals(c.getType()));
        NodeCondition ready = new NodeCondition();
        ready.setType("Ready");
        ready.setStatus(status);
        ready.setReason(reason);
        ready.setMessage(message);
        ready.setLastHeartbeatTime(now);
        ready.setLastTransitionTime(now);
        conditions.add(ready);
        node.getStatus().setConditions(conditions);
        try {
            Node updated = client.nodes().resource(node).updateStatus();
            List<Taint> taints = new ArrayList<>(
                    updated.getSpec().getTaints() == null ? List.of() : updated.getSpec().getTaints());
            taints.removeIf(t -> UNREACHABLE_TAINT.equals(t.getKey()));
            if (tainted) {
                taints.add(new TaintBuilder()
                        .withKey(UNREACHABLE_TAINT)
                        .withEffect("NoExecute")
                        .withTimeAdded(now)
                        .build());
            }
            updated.getSpec().setTaints(taints);
            client.nodes().resource(updated).update();
        } catch (KubernetesClientException e) {
            if (ApiWrites.retryable(e)) {
                return before;
            }
            throw e;
        }
        return status;
    }

    private void markNotReady(Pod pod) {
        if (Pods.ready(pod)) {
            Pods.setReady(pod, false, "NodeNotReady");
            client.pods().resource(pod).updateStatus();
        }
    }

    private void evict(Pod pod) {
        client.pods().resource(pod).withGracePeriod(0).delete();
    }

    static String readyStatus(Node node) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return "Unknown";
        }
        return node.getStatus().getConditions().stream()
                .filter(c -> "Ready".equals(c.getType()))
                .map(NodeCondition::getStatus)
                .findFirst()
                .orElse("Unknown");
    }

    static Taint unreachableTaint(Node node) {
        List<Taint> taints = node.getSpec() == null ? null : node.getSpec().getTaints();
        return taints == null
                ? null
                : taints.stream().filter(t -> UNREACHABLE_TAINT.equals(t.getKey())).findFirst().orElse(null);
    }
}
