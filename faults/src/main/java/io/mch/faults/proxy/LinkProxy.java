package io.mch.faults.proxy;

import io.mch.faults.Heal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A TCP proxy that stands for one network path between two endpoints, so that latency and
 * partitions work the same on every backend and need no kernel support. Toxics are added at run
 * time, apply at once to open and new connections, and each returns its own heal.
 *
 * <p>Delays are per chunk and pipelined (as Toxiproxy's latency toxic): a chunk read at {@code t}
 * is written at {@code t + delay}, never before the chunk ahead of it, so a request and its
 * response cost one round trip and a delay never limits throughput. Accepting a connection is
 * local and not delayed. Blackholed bytes are dropped for good; an end of stream is still passed
 * on, so a run leaves no half-open connection behind.
 *
 * <p>An idle proxy costs its listening socket only: one thread, {@code mch-link-accept}, accepts for
 * every proxy ({@link Acceptor}) and ends with the last. A connection's threads are daemons named
 * {@code mch-link-<name>-...} (see {@link #threadPrefix}); after {@link #close()} none is left.
 */
public final class LinkProxy implements AutoCloseable {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final String name;
    private final ServerSocketChannel server;
    private final InetSocketAddress address;
    private volatile Acceptor acceptor;
    private final Supplier<InetSocketAddress> upstream;
    private final Toxics toxics;
    private final DaemonThreads threads;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private long accepted;
    private boolean closed;

    private LinkProxy(String name, ServerSocketChannel server, Supplier<InetSocketAddress> upstream, long seed)
            throws IOException {
        this.name = name;
        this.server = server;
        this.address = (InetSocketAddress) server.getLocalAddress();
        this.upstream = upstream;
        this.toxics = new Toxics(seed);
        this.threads = new DaemonThreads(threadPrefix(name));
    }

    /**
     * Opens a proxy listening on {@code bind} (ephemeral port) that forwards to {@code upstream}.
     * {@code seed} drives the jitter, so the same seed gives the same sequence of delays.
     */
    public static LinkProxy open(String name, InetAddress bind, InetSocketAddress upstream, long seed)
            throws IOException {
        Objects.requireNonNull(upstream, "upstream");
        return open(name, bind, () -> upstream, seed);
    }

    /**
     * A proxy whose upstream is asked again for every new connection: a stable address in front
     * of an endpoint that moves (a restarted container published on another host port).
     */
    public static LinkProxy open(String name, InetAddress bind, Supplier<InetSocketAddress> upstream, long seed)
            throws IOException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(upstream, "upstream");
        if (!bind.isLoopbackAddress()) {
            throw new IllegalArgumentException("link " + name + ": " + bind + " is not a loopback address");
        }
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.bind(new InetSocketAddress(bind, 0), 128);
            LinkProxy proxy = new LinkProxy(name, server, upstream, seed);
            proxy.acceptor = Acceptor.register(server, proxy::accepted);
            return proxy;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * The name prefix of every thread of the proxy called {@code name}, for leak checks. (A proxy
     * named {@code a} also matches the threads of one named {@code a-b}: pick distinct names.)
     */
    public static String threadPrefix(String name) {
        return "mch-link-" + name + "-";
    }

    public String name() {
        return name;
    }

    /** Where clients connect. */
    public InetSocketAddress address() {
        return address;
    }

    /** Connections open right now (held ones, accepted during an upstream blackhole, included). */
    public int connections() {
        return connections.size();
    }

    /**
     * The link's own one-way delay from the topology (half the RTT each way), replacing the last;
     * jitter is uniform in ±{@code jitter}, and a total delay is never negative.
     */
    public void baseLatency(Duration oneWay, Duration jitter) {
        toxics.base(oneWay, jitter);
    }

    /** Adds one-way delay in one direction until healed; several add up. */
    public Heal addLatency(Direction direction, Duration add, Duration jitter) {
        return toxics.add(direction, add, jitter);
    }

    /**
     * Blackholes one direction until healed (also new connections, for UPSTREAM: they are
     * accepted but never reach the upstream). Blackholes are counted: the direction stays dark
     * until every one is healed.
     */
    public Heal blackhole(Direction direction) {
        return toxics.blackhole(direction);
    }

    /** Resets (RST) every open connection. */
    public void resetConnections() {
        for (Connection connection : List.copyOf(connections)) {
            connection.close(true);
        }
    }

    /**
     * Closes the listening socket (its port is free when this returns) and every connection, and
     * waits for every thread to end.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        acceptor.unregister(server, CLOSE_WAIT);
        resetConnections();
        threads.awaitAll(CLOSE_WAIT);
    }

    @Override
    public String toString() {
        return "LinkProxy[" + name + " " + address() + " -> " + upstream.get() + "]";
    }

    /** On the acceptor's thread: starts the connection unless the proxy is closing (then resets it at once). */
    private void accepted(Socket client) {
        Connection connection;
        synchronized (this) {
            connection = new Connection(accepted++, client, upstream, toxics, threads, connections::remove);
            if (!closed) {
                connections.add(connection);
                connection.start();
                return;
            }
        }
        connection.close(true);
    }
}
