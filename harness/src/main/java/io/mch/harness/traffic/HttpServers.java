package io.mch.harness.traffic;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Creates the JDK HTTP servers mch runs (ingresses, the load balancer's DNS endpoint) with
 * TCP_NODELAY. Without it the server writes headers and body separately, Nagle's algorithm holds
 * the body until the client's delayed ACK (40 ms on Linux), and every measured latency would carry
 * that artefact instead of the topology's RTT.
 */
public final class HttpServers {

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private HttpServers() {}

    public static HttpServer create(InetSocketAddress address) throws IOException {
        return HttpServer.create(address, 64);
    }
}
