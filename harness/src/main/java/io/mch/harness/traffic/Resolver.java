package io.mch.harness.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import io.mch.reports.model.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The clients' DNS cache: an answer is kept for its TTL, as a stub resolver would, so clients keep
 * calling a failed cluster until the TTL runs out. Queries go to the load balancer through the
 * clients' link, so a partition can cut the clients off from DNS as well. With several name
 * servers (a load balancer with a view in every cluster), queries rotate over them and a server
 * that does not answer costs its timeout before the next is asked, as with a stub resolver's
 * {@code rotate} option.
 */
public final class Resolver {

    private final Http http;
    private final List<InetSocketAddress> nameservers;
    private int next;
    private final String name;
    private final LongSupplier clockMs;
    private String cluster;
    private long expiresAtMs = Long.MIN_VALUE;

    public Resolver(Http http, InetSocketAddress dns, String name, LongSupplier clockMs) {
        this(http, List.of(dns), name, clockMs);
    }

    public Resolver(Http http, List<InetSocketAddress> nameservers, String name, LongSupplier clockMs) {
        if (nameservers.isEmpty()) {
            throw new IllegalArgumentException("no name server");
        }
        this.http = http;
        this.nameservers = List.copyOf(nameservers);
        this.name = name;
        this.clockMs = clockMs;
    }

    /** The cluster to call now; queries the load balancer when the cached answer has expired. */
    public String resolve() throws IOException {
        return resolve(null);
    }

    /** {@link #resolve()} with each query within {@code timeout} (the client's own when null). */
    public synchronized String resolve(java.time.Duration timeout) throws IOException {
        long now = clockMs.getAsLong();
        if (cluster != null && now < expiresAtMs) {
            return cluster;
        }
        IOException failure = null;
        for (int tries = 0; tries < nameservers.size(); tries++) {
            InetSocketAddress server = nameservers.get(next);
            next = (next + 1) % nameservers.size();
            try {
                return answer(http.get(server, "/resolve?name=" + name, timeout), now);
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        throw failure;
    }

    private String answer(Http.Response response, long now) throws IOException {
        if (!response.ok()) {
            throw new IOException("dns: " + response.body());
        }
        JsonNode answer = Json.compact().readTree(response.body());
        cluster = answer.get("cluster").asText();
        expiresAtMs = now + answer.get("ttl_ms").asLong();
        return cluster;
    }
}
