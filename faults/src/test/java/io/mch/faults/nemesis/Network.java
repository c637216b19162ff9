package io.mch.faults.nemesis;

import io.mch.faults.proxy.EchoClient;
import io.mch.faults.proxy.EchoServer;
import io.mch.faults.proxy.LinkProxy;
import io.mch.faults.proxy.Links;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real network for nemesis tests: an echo server per endpoint and a link proxy per
 * directed path, behind a {@link Links} that knows them by endpoint name.
 */
final class Network implements Links, AutoCloseable {

    /** What a client on a link sees when it sends one request. */
    enum Outcome {
        OK,
        REQUEST_LOST,
        RESPONSE_LOST
    }

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(300);

    private final Map<String, EchoServer> servers = new LinkedHashMap<>();
    private final Map<String, List<LinkProxy>> links = new LinkedHashMap<>();

    /** Endpoints and a link for each {@code "from>to"}. */
    static Network of(List<String> endpoints, List<String> paths) throws IOException {
        Network network = new Network();
        try {
            for (String endpoint : endpoints) {
                network.servers.put(endpoint, EchoServer.start());
            }
            for (String path : paths) {
                String to = path.substring(path.indexOf('>') + 1);
                LinkProxy link = LinkProxy.open("nm" + NAMES.incrementAndGet(), InetAddress.getLoopbackAddress(),
                        network.servers.get(to).address(), 1);
                network.links.computeIfAbsent(path, p -> new ArrayList<>()).add(link);
            }
        } catch (IOException | RuntimeException e) {
            network.close();
            throw e;
        }
        return network;
    }

    @Override
    public List<LinkProxy> between(String from, String to) {
        return links.getOrDefault(from + ">" + to, List.of());
    }

    @Override
    public List<String> endpoints() {
        return List.copyOf(servers.keySet());
    }

    LinkProxy link(String path) {
        return links.get(path).get(0);
    }

    /** Sends one request over the path on a new connection and tells what became of it. */
    Outcome probe(String path) throws IOException {
        EchoServer target = servers.get(path.substring(path.indexOf('>') + 1));
        long before = target.received();
        try (EchoClient client = EchoClient.connect(link(path).address(), PROBE_TIMEOUT)) {
            client.call("probe");
            return Outcome.OK;
        } catch (SocketTimeoutException e) {
            return target.received() > before ? Outcome.RESPONSE_LOST : Outcome.REQUEST_LOST;
        }
    }

    double medianRoundTripMillis(String path) throws IOException {
        return EchoClient.medianRoundTripMillis(link(path).address(), 7);
    }

    @Override
    public void close() throws IOException {
        links.values().forEach(list -> list.forEach(LinkProxy::close));
        for (EchoServer server : servers.values()) {
            server.close();
        }
    }
}
