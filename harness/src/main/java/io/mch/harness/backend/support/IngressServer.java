package io.mch.harness.backend.support;

import io.mch.harness.backend.Cluster;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mch.harness.traffic.HttpServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of every backend's cluster ingress (see {@link Cluster}): the URL scheme
 * ({@code /{service}/...}, {@code /healthz/{service}}), the {@code X-Mch-Cluster}/{@code X-Mch-Pod}
 * headers, and a port that survives stop and start, so a cluster that comes back after a loss is
 * found at the same address. Backends differ only in how they pick and reach an endpoint, which
 * they supply as {@link Routes}.
 */
public final class IngressServer implements AutoCloseable {

    private static final String HEALTHZ = "healthz";

    /** How a backend answers; every method must answer the request exactly once. */
    public interface Routes {

        /** {@code GET /healthz/{service}}. */
        void health(String service, Request request);

        /** {@code GET /{service}{rest}}, with {@code rest} starting at the slash after the service. */
        void serve(String service, String rest, Request request);
    }

    /** One request to answer, now or later (see {@link #later}). */
    public final class Request {

        private final HttpExchange exchange;

        private Request(HttpExchange exchange) {
            this.exchange = exchange;
        }

        /** Answers with a JSON body; {@code pod} (the serving pod) may be null. */
        public void respond(int status, String pod, String body) {
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

        /** Answers {@code {"cluster":..,"error":..}}. */
        public void error(int status, String pod, String message) {
            respond(status, pod, "{\"cluster\":\"" + cluster + "\",\"error\":\"" + message.replace("\"", "'") + "\"}");
        }

        /** Answers after a delay, without holding a server thread meanwhile. */
        public void later(Duration delay, Runnable answer) {
            executor.schedule(answer, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private final String cluster;
    private final Routes routes;
    private final ScheduledThreadPoolExecutor executor;
    private InetSocketAddress address;
    private HttpServer server;

    /** @param threads makes the server's daemon threads, named {@code mch-...} */
    public IngressServer(String cluster, InetAddress bindAddress, ThreadFactory threads, Routes routes) {
        this.cluster = cluster;
        this.routes = routes;
        this.address = new InetSocketAddress(bindAddress, 0);
        this.executor = new ScheduledThreadPoolExecutor(4, threads);
        this.executor.setRemoveOnCancelPolicy(true);
    }

    public synchronized InetSocketAddress address() {
        return address;
    }

    /** Binds (an ephemeral port the first time, the same port afterwards) and serves. */
    public synchronized void start() {
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
    public synchronized void stop() {
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
        String path = exchange.getRequestURI().getPath().replaceFirst("^/+", "");
        String[] segments = path.split("/", 3);
        Request request = new Request(exchange);
        if (segments[0].equals(HEALTHZ)) {
            String service = segments.length > 1 ? segments[1] : "";
            if (service.isEmpty()) {
                request.error(404, null, "unknown service ''");
            } else {
                routes.health(service, request);
            }
        } else if (segments[0].isEmpty()) {
            request.error(404, null, "unknown service ''");
        } else {
            routes.serve(segments[0], path.substring(segments[0].length()), request);
        }
    }
}
