package io.mch.harness.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ResolverTest {

    private final AtomicInteger queries = new AtomicInteger();
    private final AtomicReference<String> answer = new AtomicReference<>("east");
    private final AtomicLong now = new AtomicLong();

    @Test
    void keepsTheAnswerForItsTtlThenAsksAgain() throws Exception {
        HttpServer dns = dns();
        try (Http http = new Http(2, Duration.ofSeconds(1))) {
            Resolver resolver = new Resolver(http, dns.getAddress(), "api", now::get);
            assertThat(resolver.resolve()).isEqualTo("east");
            answer.set("west");
            now.set(29_999);
            assertThat(resolver.resolve()).as("within the TTL").isEqualTo("east");
            now.set(30_000);
            assertThat(resolver.resolve()).as("after the TTL").isEqualTo("west");
            assertThat(queries).hasValue(2);
        } finally {
            dns.stop(0);
        }
    }

    @Test
    void aFailedQueryFailsTheLookup() throws Exception {
        HttpServer dns = dns();
        answer.set(null);
        try (Http http = new Http(2, Duration.ofSeconds(1))) {
            Resolver resolver = new Resolver(http, dns.getAddress(), "api", now::get);
            assertThatThrownBy(resolver::resolve).isInstanceOf(IOException.class).hasMessageContaining("dns");
        } finally {
            dns.stop(0);
        }
    }

    private HttpServer dns() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/resolve", exchange -> {
            queries.incrementAndGet();
            String cluster = answer.get();
            byte[] body = (cluster == null ? "{\"error\":\"no healthy cluster\"}"
                    : "{\"cluster\":\"" + cluster + "\",\"ttl_ms\":30000}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(cluster == null ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
