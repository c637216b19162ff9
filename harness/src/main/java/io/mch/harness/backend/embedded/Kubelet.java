package io.mch.harness.backend.embedded;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * One simulated node's kubelet: it registers the Node and heartbeats through its Lease, which is
 * what the node lifecycle controller watches. Stopping it is how a node is lost: the heartbeats
 * end, and the pods on it stop answering, while their objects stay as they were.
 */
final class Kubelet {

    static final String LEASE_NAMESPACE = "kube-node-lease";

    /** The kubelet's default lease duration; informational, the controller uses its grace period. */
    private static final int LEASE_DURATION_SECONDS = 40;

    private final String node;
    private final String internalIp;
    private final KubernetesClient client;
    private volatile boolean running = true;

    Kubelet(String node, String internalIp, KubernetesClient client) {
        this.node = node;
        this.internalIp = internalIp;
        this.client = client;
    }

    String node() {
        return node;
    }

    String internalIp() {
        return internalIp;
    }

    boolean running() {
        return running;
    }

    void stop() {
        running = false;
    }

    void restart() {
        running = true;
    }

    /** Creates the Node (Ready) and its first Lease, as a kubelet does when it joins. */
    void register(String region) {
        String now = Pods.timestamp();
        Node object = new NodeBuilder()
                .withNewMetadata()
                .withName(node)
                .withLabels(Map.of(
                        "kubernetes.io/hostname", node,
                        "kubernetes.io/os", "linux",
                        "topology.kubernetes.io/region", region))
                .endMetadata()
                .withNewSpec()
                .endSpec()
                .withNewStatus()
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .withReason("KubeletReady")
                .withMessage("kubelet is posting ready status")
                .withLastHeartbeatTime(now)
                .withLastTransitionTime(now)
                .endCondition()
                .addNewAddress()
                .withType("InternalIP")
                .withAddress(internalIp)
                .endAddress()
                .addNewAddress()
                .withType("Hostname")
                .withAddress(node)
                .endAddress()
                .withCapacity(Map.of("pods", new Quantity("110")))
                .withAllocatable(Map.of("pods", new Quantity("110")))
                .endStatus()
                .build();
        client.nodes().resource(object).create();
        renewLease();
    }

    /** One heartbeat; a no-op while stopped. */
    void renewLease() {
        if (!running) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        Lease lease = client.leases().inNamespace(LEASE_NAMESPACE).withName(node).get();
        if (lease == null) {
            Lease created = new LeaseBuilder()
                    .withNewMetadata()
                    .withName(node)
                    .withNamespace(LEASE_NAMESPACE)
                    .endMetadata()
                    .withNewSpec()
                    .withHolderIdentity(node)
                    .withLeaseDurationSeconds(LEASE_DURATION_SECONDS)
                    .withRenewTime(now)
                    .endSpec()
                    .build();
            ApiWrites.orNextPass(() -> client.leases().resource(created).create());
        } else {
            lease.getSpec().setRenewTime(now);
            ApiWrites.orNextPass(() -> client.leases().resource(lease).update());
        }
    }
}
