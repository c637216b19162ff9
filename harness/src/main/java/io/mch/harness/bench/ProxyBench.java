package io.mch.harness.bench;

import com.sun.net.httpserver.HttpServer;
import io.mch.faults.proxy.LinkProxy;
import io.mch.harness.traffic.Http;
import io.mch.harness.traffic.HttpServers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;

/**
 * What a link proxy with no toxic adds to a request, against the same request sent directly, both
 * measured in the same run on the same keep-alive client.
 */
final class ProxyBench {

    private ProxyBench() {}

    record Figures(int requests, double directMedianMs, double proxiedMedianMs, double directP99Ms, double proxiedP99Ms) {
        double medianRatio() {
            return proxiedMedianMs / directMedianMs;
        }
    }

    static Figures measure(int requests) throws Exception {
        HttpServer server = HttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.createContext("/", exchange -> {
            byte[] body = "ok".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (LinkProxy proxy = LinkProxy.open("bench", InetAddress.getLoopbackAddress(), server.getAddress(), 1);
                Http http = new Http(4, Duration.ofSeconds(5))) {
            time(http, server.getAddress(), requests / 5); // warm-up, both paths
            time(http, proxy.address(), requests / 5);
            double[] direct = time(http, server.getAddress(), requests);
            double[] proxied = time(http, proxy.address(), requests);
            return new Figures(requests, pct(direct, 50), pct(proxied, 50), pct(direct, 99), pct(proxied, 99));
        } finally {
            server.stop(0);
        }
    }

    private static double[] time(Http http, InetSocketAddress target, int n) throws Exception {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            http.get(target, "/");
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
