package io.mch.harness.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.mch.reports.judge.Checkers;
import io.mch.reports.judge.CrossClusterLatencyChecker;
import io.mch.reports.judge.WarmUp;
import io.mch.harness.runtime.RunClock;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * A load mch cannot keep: 1,000 probes a second to a service that takes 150 ms to answer, more
 * than its 64 probe workers can carry. mch says so, accounts for every probe, records none of its
 * own backlog as the system's latency, and does not FAIL the latency SLO on it.
 */
class ProbeLagTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Test
    void aRateMchCannotKeepIsAccountedForAndFailsNoSloOnMchsOwnLag() throws Exception {
        ExecutorService serverThreads = Executors.newFixedThreadPool(200);
        HttpServer server = HttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().add("X-Mch-Cluster", "b");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        List<Event> recorded = Collections.synchronizedList(new ArrayList<>());
        RunClock clock = RunClock.startingNow();
        try (Traffic traffic = new Traffic(TIMEOUT, clock, recorded::add, recorded::add, 1)) {
            traffic.crossCluster("a", "b", server.getAddress(), "api", Duration.ofMillis(1));
            traffic.start();
            // Until mch fell behind, and past the judge's warm-up, so the latency checker has probes to judge.
            await("mch falling behind").atMost(Duration.ofSeconds(30)).until(() ->
                    List.copyOf(recorded).stream().filter(Event.ProbeMissed.class::isInstance).count() >= 300
                            && afterWarmUp(List.copyOf(recorded)));
            traffic.stop();
        } finally {
            server.stop(0);
            serverThreads.shutdownNow();
        }

        List<Event> events = List.copyOf(recorded);
        Event.ProbeAccount account = events.stream().filter(Event.ProbeAccount.class::isInstance)
                .map(Event.ProbeAccount.class::cast).findFirst().orElseThrow();
        long probes = events.stream().filter(Event.Probe.class::isInstance).count();
        long missed = events.stream().filter(Event.ProbeMissed.class::isInstance).count();
        assertThat(account.scheduled()).isGreaterThan(300);
        assertThat(account.sent()).isEqualTo(probes);
        assertThat(account.missed()).isEqualTo(missed).isPositive();
        assertThat(account.sent() + account.missed() + account.cut()).isEqualTo(account.scheduled());
        assertThat(events).filteredOn(Event.Probe.class::isInstance).map(Event.Probe.class::cast)
                .filteredOn(Event.Probe::ok)
                .allSatisfy(p -> assertThat(p.latencyMs())
                        .isLessThanOrEqualTo(TIMEOUT.plus(Traffic.SEND_TOLERANCE).toMillis()));

        List<Event> history = new ArrayList<>();
        history.add(new Event.RunStarted(0, "lag", "t", "embedded", 1, 2_000, 1, 1,
                List.of(new Event.ClusterInfo("a", "r1", "peer", 1), new Event.ClusterInfo("b", "r2", "peer", 1))));
        history.addAll(events);
        SloResult latency = Checkers.runAll(List.of(new CrossClusterLatencyChecker(99, Duration.ofMillis(100))),
                new History(history)).get(0);
        // The service's 150 ms are above the 100 ms target, but with mch behind, that is not a verdict.
        assertThat(latency.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(latency.detail()).contains("mch could not keep its probe rate", "missed by mch");
    }

    private static boolean afterWarmUp(List<Event> events) {
        List<Event.Probe> probes = events.stream().filter(Event.Probe.class::isInstance).map(Event.Probe.class::cast).toList();
        long first = probes.stream().mapToLong(Event.Probe::tMs).min().orElse(Long.MAX_VALUE);
        return probes.stream().anyMatch(p -> p.ok() && p.tMs() >= first + WarmUp.WALL_MS);
    }
}
