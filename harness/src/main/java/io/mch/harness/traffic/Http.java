package io.mch.harness.traffic;

import java.io.IOException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client of probes and health checks: pooled keep-alive connections, no retries
 * (a retry would hide the failure a probe exists to see), and a timeout on connect and on every
 * read (or a shorter one per call). Closing it closes every connection; it starts no background thread.
 */
public final class Http implements AutoCloseable {

    /** What came back: status, the cluster that served, the body. */
    public record Response(int status, String cluster, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Probes and health checks speak plain HTTP to loopback addresses. Without a strategy of its
     * own, every client would build the JDK's default TLS context and parse the public suffix list
     * for a hostname verifier it never uses: a run makes several clients, and that was a visible
     * share of a short run's CPU. An https address is refused instead.
     */
    private static final TlsSocketStrategy PLAIN_HTTP_ONLY = (socket, target, port, attachment, context) -> {
        throw new SSLException("mch's probe client speaks plain HTTP only, not TLS to " + target + ":" + port);
    };

    private final CloseableHttpClient client;

    public Http(int maxConnections, Duration timeout) {
        client = plainClient(maxConnections, timeout);
    }

    /**
     * A client for mch's own plain-HTTP calls on loopback (probes, health checks, the backup
     * storage, the k3s node-port routes): pooled keep-alive connections, no retries, redirects or
     * cookies, and {@code timeout} on connect, pool wait and every read.
     */
    public static CloseableHttpClient plainClient(int maxConnections, Duration timeout) {
        Timeout t = Timeout.ofMilliseconds(timeout.toMillis());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(t)
                        .setSocketTimeout(t)
                        .build())
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setTlsSocketStrategy(PLAIN_HTTP_ONLY)
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(t)
                        .setConnectionRequestTimeout(t)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }

    public Response get(InetSocketAddress address, String path) throws IOException {
        return get(address, path, null);
    }

    /**
     * A GET whose connect, pool wait and reads are each within {@code timeout} instead of the
     * client's own (when not null): a probe near the run's end waits only for what remains of it.
     */
    public Response get(InetSocketAddress address, String path, Duration timeout) throws IOException {
        String uri = "http://" + address.getHostString() + ":" + address.getPort() + path;
        HttpGet get = new HttpGet(uri);
        if (timeout != null) {
            Timeout t = Timeout.ofMilliseconds(Math.max(1, timeout.toMillis()));
            @SuppressWarnings("deprecation") // the connection's own connect timeout is per client, not per request
            RequestConfig capped = RequestConfig.custom().setConnectTimeout(t).setConnectionRequestTimeout(t)
                    .setResponseTimeout(t).build();
            get.setConfig(capped);
        }
        return client.execute(get, response -> {
            Header cluster = response.getFirstHeader("X-Mch-Cluster");
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
            return new Response(response.getCode(), cluster == null ? null : cluster.getValue(), body);
        });
    }

    /** Closes every connection at once, also those of calls still waiting for an answer (they fail). */
    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
    }
}
