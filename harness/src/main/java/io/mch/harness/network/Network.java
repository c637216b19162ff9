package io.mch.harness.network;

import io.mch.faults.Heal;
import io.mch.faults.proxy.LinkProxy;
import io.mch.faults.proxy.Links;
import io.mch.harness.config.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every path that crosses between clusters, or between the clients / the global load balancer and
 * a cluster, as a link proxy carrying the topology's region latency. Faults act on these links,
 * which is why partitions and latency work the same on every backend.
 *
 * <p>The links from one endpoint listen on that endpoint's own loopback address (127.1.0.1 for the
 * first, 127.1.0.2 for the next, ...; all of 127.0.0.0/8 is loopback), so the kernel looks for a
 * free port among that source's links only: on one address, 100 clusters' 9,900 links made each
 * bind scan thousands of taken ports once about 7,000 were (docs/performance.md, "Fleet scale").
 */
public final class Network implements Links, AutoCloseable {

    private final Topology topology;
    private final long seed;
    private final Map<String, LinkProxy> links = new LinkedHashMap<>();
    private final List<String> endpoints = new ArrayList<>();
    private final Map<String, InetAddress> sources = new HashMap<>();
    private final List<Links.Listener> listeners = new CopyOnWriteArrayList<>();

    private Network(Topology topology, long seed) {
        this.topology = topology;
        this.seed = seed;
        endpoints.add(Endpoints.CLIENTS);
        endpoints.add(Endpoints.GLOBAL_LOAD_BALANCER);
        endpoints.addAll(topology.clusterNames());
    }

    /** An empty network for a topology; links are added as the run wires its endpoints. */
    public static Network of(Topology topology, long seed) {
        return new Network(topology, seed);
    }

    /**
     * Opens the link {@code from → to} in front of {@code target} (once per pair and target: a
     * cluster's ingress and its API server are two links of the same pair, cut and slowed together)
     * and returns the address {@code from} must call to reach {@code target}.
     */
    public synchronized InetSocketAddress connect(String from, String to, InetSocketAddress target) {
        String key = key(from, to) + "@" + target;
        LinkProxy link = links.get(key);
        if (link == null) {
            try {
                link = LinkProxy.open(key(from, to), source(from), target, seed ^ key.hashCode());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open link " + key, e);
            }
            Topology.RegionLatency rtt = topology.network().between(region(from), region(to));
            link.baseLatency(rtt.rtt().dividedBy(2), rtt.jitter().dividedBy(2));
            links.put(key, link);
            for (Links.Listener listener : listeners) {
                listener.opened(from, to, link);
            }
        }
        return link.address();
    }

    /** The loopback address the links from {@code from} listen on: 127.1.0.1 for the first source, and so on. */
    private InetAddress source(String from) throws IOException {
        InetAddress address = sources.get(from);
        if (address == null) {
            int n = sources.size() + 1;
            address = InetAddress.getByAddress(new byte[] {127, 1, (byte) (n >> 8), (byte) n});
            sources.put(from, address);
        }
        return address;
    }

    @Override
    public Heal whenOpened(Links.Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The region an endpoint sits in: the clients and the load balancer sit in the clients' region. */
    public String region(String endpoint) {
        return topology.cluster(endpoint)
                .map(Topology.ClusterSpec::region)
                .orElse(topology.network().clientsRegion());
    }

    @Override
    public synchronized List<LinkProxy> between(String from, String to) {
        String prefix = key(from, to) + "@";
        return links.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue).toList();
    }

    @Override
    public List<String> endpoints() {
        return List.copyOf(endpoints);
    }

    @Override
    public synchronized void close() {
        links.values().forEach(LinkProxy::close);
        links.clear();
    }

    private static String key(String from, String to) {
        return from + "->" + to;
    }
}
