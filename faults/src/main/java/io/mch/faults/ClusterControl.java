package io.mch.faults;

/**
 * The cluster-lifecycle side of faults, the only part that differs per backend (embedded, k3s,
 * kubeconfig); network faults never need it because they act on the link proxies.
 */
public interface ClusterControl {

    /** Stops {@code count} nodes of the cluster (chosen by the backend, deterministically). */
    Heal loseNodes(String cluster, int count);

    /** Makes the whole cluster unreachable and stops its control plane. */
    Heal loseCluster(String cluster);
}
