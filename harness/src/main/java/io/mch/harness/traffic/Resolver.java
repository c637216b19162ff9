package io.mch.harness.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import io.mch.reports.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.LongSupplier;

/**
 * The clients' DNS cache: an answer is kept for its TTL, as a stub resolver would, so clients keep
 * calling a failed cluster until the TTL runs out. Queries go to the load balancer through the
 * clients' link, so a partition can cut the clients off from DNS as well.
 */
public final class Resolver {

    private final Http http;
    private final InetSocketAddress dns;
    private final String name;
    private final LongSupplier clockMs;
    private String cluster;
    private long expiresAtMs = Long.MIN_VALUE;

    public Resolver(Http http, InetSocketAddress dns, String name, LongSupplier clockMs) {
        this.http = http;
        this.dns = dns;
        this.name = name;
        this.clockMs = clockMs;
    }

    /** The cluster to call now; queries the load balancer when the cached answer has expired. */
    public synchronized String resolve() throws IOException {
        long now = clockMs.getAsLong();
        if (cluster != null && now < expiresAtMs) {
            return cluster;
        }
        Http.Response response = http.get(dns, "/resolve?name=" + name);
        if (!response.ok()) {
            throw new IOException("dns: " + response.body());
        }
        JsonNode answer = Json.compact().readTree(response.body());
        cluster = answer.get("cluster").asText();
        expiresAtMs = now + answer.get("ttl_ms").asLong();
        return cluster;
    }
}
