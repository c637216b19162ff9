package io.mch.faults.proxy;

import io.mch.faults.Heal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A TCP proxy that stands for one network path between two endpoints, so that latency and
 * partitions work the same on every backend and need no kernel support. Toxics are added at run
 * time and each returns its own heal.
 */
public final class LinkProxy implements AutoCloseable {

    /** Opens a proxy listening on {@code bind} (ephemeral port) that forwards to {@code upstream}. */
    public static LinkProxy open(String name, InetAddress bind, InetSocketAddress upstream, long seed)
            throws IOException {
        throw new UnsupportedOperationException("TODO");
    }

    public String name() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Where clients connect. */
    public InetSocketAddress address() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The link's own one-way delay from the topology (half the RTT each way), replacing the last. */
    public void baseLatency(Duration oneWay, Duration jitter) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Adds one-way delay in one direction until healed. */
    public Heal addLatency(Direction direction, Duration add, Duration jitter) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Blackholes one direction until healed (also new connections, for UPSTREAM). */
    public Heal blackhole(Direction direction) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Resets (RST) every open connection. */
    public void resetConnections() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO");
    }
}
