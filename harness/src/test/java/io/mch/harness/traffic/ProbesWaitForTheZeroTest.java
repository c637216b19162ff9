package io.mch.harness.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.mch.harness.runtime.RunClock;
import io.mch.harness.runtime.TimeScale;
import io.mch.reports.history.Event;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Traffic started while the run is still being wired sends nothing until the run's zero: no
 * scenario time is spent on probes that mch itself was too busy to make, and the first probe is
 * due at scenario time 0.
 */
class ProbesWaitForTheZeroTest {

    @Test
    void probesBeginAtTheZeroAndEndWhereTheRunDoes() throws Exception {
        HttpServer server = HttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("X-Mch-Cluster", "b");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        List<Event> recorded = new CopyOnWriteArrayList<>();
        RunClock clock = RunClock.unstarted(new TimeScale(20));
        try (Traffic traffic = new Traffic(Duration.ofSeconds(1), clock, recorded::add, recorded::add, 1)
                .until(Duration.ofSeconds(20))) {
            traffic.crossCluster("a", "b", server.getAddress(), "api", Duration.ofMillis(10));
            traffic.start();

            await("nothing sent while the run is wired").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(recorded::isEmpty);
            clock.start();
            // 20 s of scenario time at ×20: the probes run for one wall second from the zero, then stop by themselves.
            await("probes until the run's end").atMost(Duration.ofSeconds(10))
                    .until(() -> probes(recorded).size() >= 50 && clock.ms() > 21_000);
            traffic.stop();
        } finally {
            server.stop(0);
        }

        List<Event.Probe> probes = probes(recorded);
        // Due at the loop's seeded phase of its first interval (10 ms wall, 200 ms at ×20) after the zero.
        assertThat(probes.get(0).tMs()).isBetween(0L, 400L);
        assertThat(probes).allSatisfy(p -> assertThat(p.tMs()).isBetween(0L, 20_000L));
        Event.ProbeAccount account = recorded.stream().filter(Event.ProbeAccount.class::isInstance)
                .map(Event.ProbeAccount.class::cast).findFirst().orElseThrow();
        assertThat(account.sent()).isEqualTo(probes.size());
    }

    private static List<Event.Probe> probes(List<Event> recorded) {
        return recorded.stream().filter(Event.Probe.class::isInstance).map(Event.Probe.class::cast)
                .sorted(java.util.Comparator.comparingLong(Event.Probe::tMs)).toList();
    }
}
