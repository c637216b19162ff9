package io.mch.harness.backend;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetSocketAddress;

/**
 * One running cluster as the rest of the harness sees it: an ordinary Kubernetes API and an HTTP
 * ingress. The ingress serves {@code GET /{service}/...} by spreading requests over the service's
 * ready endpoints (answering with headers {@code X-Mch-Cluster} and {@code X-Mch-Pod}), and
 * {@code GET /healthz/{service}} with 200 while the service has a ready endpoint, 503 otherwise.
 */
public interface Cluster {

    String name();

    /** A client for the cluster's API server (the harness's own access, not through the network). */
    KubernetesClient client();

    /** The ingress address (direct; cross-cluster traffic reaches it through link proxies). */
    InetSocketAddress ingress();

    /**
     * The API server as other clusters reach it (fabric controllers connect here through link
     * proxies, see {@code FabricContext#apiClient}); unreachable while the cluster is lost.
     */
    InetSocketAddress apiServer();

    /** {@code Healthy}, {@code Degraded} (some node not ready) or {@code Lost}. */
    String status();
}
