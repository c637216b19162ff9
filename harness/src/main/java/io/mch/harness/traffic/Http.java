package io.mch.harness.traffic;

import java.io.IOException;
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

    private final CloseableHttpClient client;

    public Http(int maxConnections, Duration timeout) {
        Timeout t = Timeout.ofMilliseconds(timeout.toMillis());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(t)
                        .setSocketTimeout(t)
                        .build())
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .build();
        client = HttpClients.custom()
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
