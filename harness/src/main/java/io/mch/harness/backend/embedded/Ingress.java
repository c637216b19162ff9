package io.mch.harness.backend.embedded;

import io.mch.harness.backend.support.IngressServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
final class Ingress implements IngressServer.Routes, AutoCloseable {

    private final String cluster;
    private final Function<String, Optional<List<ReadyEndpoint>>> endpoints;
    private final Predicate<String> nodeAlive;
    private final Duration upstreamTimeout;
    private final Map<String, AtomicInteger> cursors = new ConcurrentHashMap<>();
    private final IngressServer server;

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
        this.server = new IngressServer(cluster, bindAddress, new NamedThreads("mch-" + cluster + "-ingress"), this);
    }

    InetSocketAddress address() {
        return server.address();
    }

    /** Binds (an ephemeral port the first time, the same port afterwards) and serves. */
    void start() {
        server.start();
    }

    /** Closes the listening socket and every open connection; held requests die with them. */
    void stop() {
        server.stop();
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public void health(String service, IngressServer.Request request) {
        Optional<List<ReadyEndpoint>> ready = endpoints.apply(service);
        if (ready.isEmpty()) {
            request.error(404, null, "unknown service '" + service + "'");
        } else if (ready.get().stream().anyMatch(e -> nodeAlive.test(e.node()))) {
            request.respond(200, null, "{\"cluster\":\"" + cluster + "\",\"status\":\"ok\"}");
        } else {
            request.error(503, null, "no ready endpoint of '" + service + "' on a live node");
        }
    }

    @Override
    public void serve(String service, String rest, IngressServer.Request request) {
        Optional<List<ReadyEndpoint>> ready = endpoints.apply(service);
        if (ready.isEmpty()) {
            request.error(404, null, "unknown service '" + service + "'");
        } else if (ready.get().isEmpty()) {
            request.error(503, null, "no ready endpoints for '" + service + "'");
        } else {
            List<ReadyEndpoint> list = ready.get();
            int turn = cursors.computeIfAbsent(service, s -> new AtomicInteger()).getAndIncrement();
            ReadyEndpoint chosen = list.get(Math.floorMod(turn, list.size()));
            if (nodeAlive.test(chosen.node())) {
                request.respond(200, chosen.pod(), "{\"cluster\":\"" + cluster + "\",\"pod\":\"" + chosen.pod() + "\"}");
            } else {
                request.later(upstreamTimeout,
                        () -> request.error(504, chosen.pod(), "upstream " + chosen.ip() + " timed out"));
            }
        }
    }
}
