package io.mch.harness.backend;

import io.mch.harness.config.Topology;

/**
 * How clusters come to exist. Only cluster lifecycle differs per backend; fabric, traffic and
 * measurement code is shared and talks to clusters through {@link Cluster}.
 */
public interface Backend {

    /** {@code embedded}, {@code k3s} or {@code kubeconfig}. */
    String name();

    /**
     * Brings up every cluster of the topology (with its nodes, but no workload yet). On failure,
     * whatever was already started is stopped before the exception leaves.
     */
    Fleet start(Topology topology, BackendListener listener) throws Exception;
}
