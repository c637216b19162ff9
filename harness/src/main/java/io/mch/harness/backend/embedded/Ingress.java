package io.mch.harness.backend.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mch.harness.traffic.HttpServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A cluster's ingress: spreads {@code /{service}/...} round-robin over the service's ready
 * endpoints. A request that lands on a pod of a lost node is held until the upstream timeout and
 * then answered 504, as a proxy waiting on a dead pod IP would (clients usually give up first);
 * that is the failure a real cluster shows between losing a node and noticing it. Losing the whole
 * cluster stops the server, so connections are refused, and healing rebinds the same port so
 * nothing outside has to learn a new address.
 */
final class Ingress implements AutoCloseable {

    private static final String HEALTHZ = "healthz";

    private final String cluster;
    private final Function<String, Optional<List<ReadyEndpoint>>> endpoints;
    private final Predicate<String> nodeAlive;
    private final Duration upstreamTimeout;
    private final ScheduledThreadPoolExecutor executor;
    private final Map<String, AtomicInteger> cursors = new ConcurrentHashMap<>();
    private InetSocketAddress address;
    private HttpServer server;

    /**
     * @param endpoints a service's ready endpoints, empty for an unknown service
     * @param nodeAlive whether a node's kubelet (and so its pods) still answers
     */
    Ingress(
            String cluster,
            InetAddress bindAddress,
            Function<String, Optional<List<ReadyEndpoint>>> endpoints,
            Predicate<String> nodeAlive,
            Duration upstreamTimeout) {
        this.cluster = cluster;
        this.endpoints = endpoints;
        this.nodeAlive = nodeAlive;
        this.upstreamTimeout = upstreamTimeout;
        this.address = new InetSocketAddress(bindAddress, 0);
        this.executor = new ScheduledThreadPoolExecutor(4, new NamedThreads("mch-" + cluster + "-ingress"));
        this.executor.setRemoveOnCancelPolicy(true);
    }

    synchronized InetSocketAddress address() {
        return address;
    }

    /** Binds (an ephemeral port the first time, the same port afterwards) and serves. */
    synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            HttpServer created = HttpServers.create(address);
            created.createContext("/", this::handle);
            created.setExecutor(executor);
            // The JDK's dispatcher thread inherits daemon status from the thread that starts it.
            executor.submit(created::start).get();
            address = created.getAddress();
            server = created;
        } catch (IOException e) {
            throw new UncheckedIOException("cluster " + cluster + ": cannot bind ingress on " + address, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cluster " + cluster + ": ingress did not start", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("cluster " + cluster + ": interrupted while starting the ingress", e);
        }
    }

    /** Closes the listening socket and every open connection; held requests die with them. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String[] segments = exchange.getRequestURI().getPath().replaceFirst("^/+", "").split("/");
        boolean health = segments[0].equals(HEALTHZ);
        String service = health ? (segments.length > 1 ? segments[1] : "") : segments[0];
        Optional<List<ReadyEndpoint>> ready = service.isEmpty() ? Optional.empty() : endpoints.apply(service);
        if (ready.isEmpty()) {
            respond(exchange, 404, null, error("unknown service '" + service + "'"));
        } else if (health) {
            boolean serving = ready.get().stream().anyMatch(e -> nodeAlive.test(e.node()));
            respond(exchange, serving ? 200 : 503, null, serving ? "{\"cluster\":\"" + cluster + "\",\"status\":\"ok\"}"
                    : error("no ready endpoint of '" + service + "' on a live node"));
        } else if (ready.get().isEmpty()) {
            respond(exchange, 503, null, error("no ready endpoints for '" + service + "'"));
        } else {
            List<ReadyEndpoint> list = ready.get();
            int turn = cursors.computeIfAbsent(service, s -> new AtomicInteger()).getAndIncrement();
            ReadyEndpoint chosen = list.get(Math.floorMod(turn, list.size()));
            if (nodeAlive.test(chosen.node())) {
                respond(exchange, 200, chosen.pod(), "{\"cluster\":\"" + cluster + "\",\"pod\":\"" + chosen.pod() + "\"}");
            } else {
                executor.schedule(
                        () -> respond(exchange, 504, chosen.pod(), error("upstream " + chosen.ip() + " timed out")),
                        upstreamTimeout.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    private String error(String message) {
        return "{\"cluster\":\"" + cluster + "\",\"error\":\"" + message.replace("\"", "'") + "\"}";
    }

    private void respond(HttpExchange exchange, int status, String pod, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Mch-Cluster", cluster);
            if (pod != null) {
                exchange.getResponseHeaders().set("X-Mch-Pod", pod);
            }
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // The client or the stopped server closed the connection first; nothing to answer.
        } finally {
            exchange.close();
        }
    }
}
