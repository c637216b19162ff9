package io.mch.harness.backend.k3s;

import io.mch.harness.traffic.Http;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mch.harness.backend.support.IngressServer;
import java.io.IOException;
import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The k3s cluster's ingress routes: the workload service is exposed by a NodePort twin
 * ({@code <service>-mch-ingress}, fixed node port {@link #NODE_PORT}, published by the server
 * container), so requests take the real data path (kube-proxy, and pods on lost nodes until the
 * endpoints controller notices). The twin is created on first use because the workload is applied
 * after the cluster starts. Only the topology's workload service is exposed; the pod that served is
 * reported when the workload says so in an {@code X-Mch-Pod} header of its own.
 */
final class NodePortRoutes implements IngressServer.Routes, AutoCloseable {

    static final int NODE_PORT = 30080;
    private static final String NAMESPACE = "default";

    private final String cluster;
    private final String service;
    private final Supplier<KubernetesClient> client;
    private final IntSupplier hostPort;
    private final CloseableHttpClient http;
    private volatile boolean twinCreated;

    /**
     * @param service the topology's workload service; null when the topology has no workload
     * @param hostPort the host port {@link #NODE_PORT} is published on now
     */
    NodePortRoutes(String cluster, String service, Supplier<KubernetesClient> client, IntSupplier hostPort,
            Duration upstreamTimeout) {
        this.cluster = cluster;
        this.service = service;
        this.client = client;
        this.hostPort = hostPort;
        this.http = Http.plainClient(16, upstreamTimeout);
    }

    @Override
    public void health(String name, IngressServer.Request request) {
        if (!name.equals(service)) {
            request.error(404, null, "unknown service '" + name + "'");
            return;
        }
        try {
            Endpoints endpoints = client.get().endpoints().inNamespace(NAMESPACE).withName(name).get();
            boolean ready = endpoints != null && endpoints.getSubsets() != null && endpoints.getSubsets().stream()
                    .map(EndpointSubset::getAddresses)
                    .anyMatch(addresses -> addresses != null && !addresses.isEmpty());
            if (ready) {
                request.respond(200, null, "{\"cluster\":\"" + cluster + "\",\"status\":\"ok\"}");
            } else {
                request.error(503, null, "no ready endpoints for '" + name + "'");
            }
        } catch (RuntimeException e) {
            request.error(503, null, "API server unreachable: " + e.getMessage());
        }
    }

    @Override
    public void serve(String name, String rest, IngressServer.Request request) {
        if (!name.equals(service)) {
            request.error(404, null, "unknown service '" + name + "'");
            return;
        }
        try {
            if (!twinCreated && !createTwin()) {
                request.error(503, null, "service '" + name + "' does not exist yet");
                return;
            }
        } catch (RuntimeException e) {
            request.error(503, null, "API server unreachable: " + e.getMessage());
            return;
        }
        String uri = "http://127.0.0.1:" + hostPort.getAsInt() + (rest.isEmpty() ? "/" : rest);
        try {
            http.execute(new HttpGet(uri), response -> {
                EntityUtils.consume(response.getEntity());
                Header pod = response.getFirstHeader("X-Mch-Pod");
                request.respond(response.getCode(), pod == null ? null : pod.getValue(),
                        "{\"cluster\":\"" + cluster + "\",\"upstream\":" + response.getCode() + "}");
                return null;
            });
        } catch (IOException e) {
            request.error(504, null, "upstream node port " + NODE_PORT + ": " + e.getMessage());
        }
    }

    /** Creates the NodePort twin of the workload service; false while that service does not exist. */
    private synchronized boolean createTwin() {
        if (twinCreated) {
            return true;
        }
        KubernetesClient api = client.get();
        Service workload = api.services().inNamespace(NAMESPACE).withName(service).get();
        if (workload == null) {
            return false;
        }
        ServicePort port = workload.getSpec().getPorts().get(0);
        Service twin = new ServiceBuilder()
                .withNewMetadata().withName(service + "-mch-ingress").withNamespace(NAMESPACE)
                .addToLabels(RunResources.LABEL, "ingress").endMetadata()
                .withNewSpec().withType("NodePort").withSelector(workload.getSpec().getSelector())
                .addNewPort().withName("http").withPort(port.getPort()).withTargetPort(port.getTargetPort())
                .withNodePort(NODE_PORT).endPort()
                .endSpec()
                .build();
        api.services().inNamespace(NAMESPACE).resource(twin).createOr(existing -> existing.update());
        twinCreated = true;
        return true;
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            // Closing idle pooled connections; nothing else is held.
        }
    }
}
