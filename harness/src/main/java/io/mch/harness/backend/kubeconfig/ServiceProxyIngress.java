package io.mch.harness.backend.kubeconfig;

import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.mch.harness.backend.support.IngressServer;
import io.mch.harness.runtime.Threads;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An existing cluster's ingress as the harness needs it: a local HTTP front (the {@link
 * IngressServer} contract) that reaches the workload through the API server's service proxy
 * ({@code /api/v1/namespaces/default/services/<svc>:<port>/proxy/...}). Nothing has to be
 * installed or exposed on the cluster, and the request still goes through the service's real
 * endpoints, so what a fault does to them (evicted pods, endpoints that drop) is what the probes
 * see. The service proxy does not say which pod answered: {@code X-Mch-Pod} is passed on only when
 * the workload sets it.
 */
final class ServiceProxyIngress implements IngressServer.Routes, AutoCloseable {

    private static final String NAMESPACE = "default";
    private static final String POD_HEADER = "X-Mch-Pod";

    private final String cluster;
    private final KubernetesClient client;
    private final Duration upstreamTimeout;
    private final IngressServer server;

    ServiceProxyIngress(String cluster, KubernetesClient client, Duration upstreamTimeout) {
        this.cluster = cluster;
        this.client = client;
        this.upstreamTimeout = upstreamTimeout;
        this.server = new IngressServer(cluster, InetAddress.getLoopbackAddress(),
                Threads.named(cluster + "-ingress"), this);
    }

    InetSocketAddress address() {
        return server.address();
    }

    /** Binds (an ephemeral port the first time, the same port afterwards) and serves. */
    void start() {
        server.start();
    }

    /** Refuses connections until {@link #start()} (a lost cluster). */
    void stop() {
        server.stop();
    }

    @Override
    public void close() {
        server.close();
    }

    /** 200 while the service has a ready endpoint (by the cluster's own Endpoints), else 503. */
    @Override
    public void health(String service, IngressServer.Request request) {
        try {
            if (port(service).isEmpty()) {
                request.error(404, null, "unknown service '" + service + "'");
                return;
            }
            Endpoints endpoints = client.endpoints().inNamespace(NAMESPACE).withName(service).get();
            long ready = endpoints == null || endpoints.getSubsets() == null ? 0 : endpoints.getSubsets().stream()
                    .map(EndpointSubset::getAddresses)
                    .mapToLong(a -> a == null ? 0 : a.size())
                    .sum();
            if (ready > 0) {
                request.respond(200, null, "{\"cluster\":\"" + cluster + "\",\"status\":\"ok\"}");
            } else {
                request.error(503, null, "no ready endpoints for '" + service + "'");
            }
        } catch (KubernetesClientException e) {
            request.error(502, null, "API server: " + e.getMessage());
        }
    }

    /** Forwards to the service proxy; the API server's status (503 without endpoints) is passed on. */
    @Override
    public void serve(String service, String rest, IngressServer.Request request) {
        Optional<Integer> port;
        try {
            port = port(service);
        } catch (KubernetesClientException e) {
            request.error(502, null, "API server: " + e.getMessage());
            return;
        }
        if (port.isEmpty()) {
            request.error(404, null, "unknown service '" + service + "'");
            return;
        }
        HttpClient http = client.getHttpClient();
        String uri = client.getMasterUrl().toString().replaceFirst("/*$", "") + "/api/v1/namespaces/" + NAMESPACE
                + "/services/" + service + ":" + port.get() + "/proxy" + (rest.isEmpty() ? "/" : rest);
        http.sendAsync(http.newHttpRequestBuilder()
                        .uri(uri)
                        .timeout(upstreamTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .build(), String.class)
                .whenComplete((response, failure) -> request.later(Duration.ZERO, () -> answer(request, response, failure)));
    }

    private void answer(IngressServer.Request request, HttpResponse<String> response, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            request.error(cause instanceof TimeoutException ? 504 : 502, null, "upstream: " + cause);
            return;
        }
        request.respond(response.code(), response.header(POD_HEADER), Optional.ofNullable(response.body()).orElse(""));
    }

    /** The service's first port, or empty when there is no such service. */
    private Optional<Integer> port(String service) {
        Service found = client.services().inNamespace(NAMESPACE).withName(service).get();
        List<ServicePort> ports = found == null || found.getSpec() == null ? List.of() : found.getSpec().getPorts();
        return ports == null || ports.isEmpty() ? Optional.empty() : Optional.ofNullable(ports.get(0).getPort());
    }
}
