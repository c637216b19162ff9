package io.mch.harness.backend.support;

import io.mch.harness.backend.Cluster;
import io.mch.faults.Heal;
import io.mch.faults.proxy.Direction;
import io.mch.faults.proxy.LinkProxy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The way other clusters reach a cluster's API server (see {@link Cluster#apiServer()}), for
 * backends whose API server must keep running while the cluster is "lost" — the harness still
 * reads through it, or it is someone's real cluster. Shutting the gate makes the API as
 * unreachable to fabric controllers as a stopped one; losses may overlap and the gate opens again
 * with the last heal.
 */
public final class ApiGate implements AutoCloseable {

    private final LinkProxy proxy;
    private final List<Heal> shut = new ArrayList<>();
    private int losses;

    private ApiGate(LinkProxy proxy) {
        this.proxy = proxy;
    }

    public static ApiGate open(String cluster, InetAddress bind, InetSocketAddress apiServer, long seed)
            throws IOException {
        return new ApiGate(LinkProxy.open(cluster + "-api", bind, apiServer, seed));
    }

    public InetSocketAddress address() {
        return proxy.address();
    }

    /** Cuts every connection through the gate and refuses new traffic until the returned heal. */
    public synchronized Heal shut() {
        if (losses++ == 0) {
            for (Direction d : Direction.values()) {
                shut.add(proxy.blackhole(d));
            }
            proxy.resetConnections();
        }
        return Heal.once(this::reopen);
    }

    private synchronized void reopen() {
        if (--losses == 0) {
            shut.forEach(Heal::heal);
            shut.clear();
        }
    }

    @Override
    public void close() {
        proxy.close();
    }
}
