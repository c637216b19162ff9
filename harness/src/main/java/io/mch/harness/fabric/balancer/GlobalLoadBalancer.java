package io.mch.harness.fabric.balancer;

import io.mch.harness.fabric.Fabric;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mch.harness.config.Step;
import io.mch.harness.config.Topology;
import io.mch.harness.config.Topology.GlobalLoadBalancerSpec;
import io.mch.harness.runtime.Threads;
import io.mch.harness.traffic.Http;
import io.mch.harness.traffic.HttpServers;
import io.mch.reports.history.Event;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A DNS-based global load balancer in the manner of k8gb: it health-checks every cluster through
 * the network and answers name queries with one healthy cluster and a TTL. Clients cache the
 * answer for the TTL, so failover takes detection time plus what is left of the TTL — the figure
 * the failover-time SLO measures. A planned failover ({@code failover} step) promotes a cluster to
 * primary and sends all traffic there while it is healthy, whatever the policy was.
 */
public final class GlobalLoadBalancer implements Fabric {

    /** One DNS answer: which cluster to call, and for how long the client may keep it. */
    public record Answer(String cluster, long ttlMs) {}

    private final GlobalLoadBalancerSpec spec;
    private final List<HealthChecker> checkers;
    private volatile List<HealthChecker> order;
    private volatile Topology.LbPolicy policy;
    private final Http http;
    private final ScheduledExecutorService checks;
    private final ExecutorService dnsThreads;
    private final HttpServer dns;
    private final Consumer<Event.Serving> sink;
    private final Random random;
    private final AtomicInteger roundRobin = new AtomicInteger();
    private final LongSupplier clockMs;
    private volatile String serving;
    private volatile BooleanSupplier alive = () -> true;

    private GlobalLoadBalancer(
            GlobalLoadBalancerSpec spec,
            Topology topology,
            Map<String, InetSocketAddress> checkAddresses,
            String service,
            Consumer<Event.Serving> sink,
            long seed,
            LongSupplier clockMs)
            throws IOException {
        this.spec = spec;
        this.sink = sink;
        this.random = new Random(seed);
        this.policy = spec.policy();
        this.checkers = FailoverOrder.of(topology, spec).stream()
                .map(c -> new HealthChecker(
                        c, checkAddresses.get(c), service, spec.healthCheck().failureThreshold()))
                .toList();
        this.order = checkers;
        this.http = new Http(checkers.size() * 2, spec.healthCheck().timeout());
        this.checks = Executors.newScheduledThreadPool(checkers.size(), Threads.named("glb-check"));
        this.dnsThreads = Executors.newFixedThreadPool(4, Threads.named("glb-dns"));
        this.dns = HttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.clockMs = clockMs;
        dns.createContext("/resolve", this::resolve);
        dns.setExecutor(dnsThreads);
    }

    /**
     * Starts health checks (one synchronous round first, so the first answer is informed) and the
     * DNS endpoint. {@code checkAddresses} are each cluster's ingress as seen from the load
     * balancer, i.e. through its links.
     */
    public static GlobalLoadBalancer start(
            GlobalLoadBalancerSpec spec,
            Topology topology,
            Map<String, InetSocketAddress> checkAddresses,
            String service,
            Consumer<Event.Serving> sink,
            long seed,
            LongSupplier clockMs)
            throws IOException {
        String checked = spec.records().map(Topology.DnsRecords::service).orElse(service);
        var glb = new GlobalLoadBalancer(spec, topology, checkAddresses, checked, sink, seed, clockMs);
        try {
            if (glb.healthChecked()) {
                glb.checkers.forEach(c -> c.check(glb.http));
                long interval = spec.healthCheck().interval().toMillis();
                for (HealthChecker c : glb.checkers) {
                    glb.checks.scheduleAtFixedRate(() -> glb.checkOnce(c), interval, interval, TimeUnit.MILLISECONDS);
                }
            }
            glb.recordServing(spec.records().map(r -> (r.healthChecked() ? "initial health check, " : "")
                    + "records of " + r.source()).orElse("initial health check"), true);
            glb.dns.start();
            return glb;
        } catch (RuntimeException e) {
            glb.close();
            throw e;
        }
    }

    /** Where clients send DNS queries (reach it through the clients' link). */
    public InetSocketAddress dnsAddress() {
        return dns.getAddress();
    }

    /** The answer the load balancer gives now, if any cluster is healthy. */
    public Optional<Answer> answer() {
        List<String> healthy = healthy();
        if (healthy.isEmpty()) {
            return Optional.empty();
        }
        String cluster = switch (policy) {
            case ROUND_ROBIN -> healthy.get(Math.floorMod(roundRobin.getAndIncrement(), healthy.size()));
            case WEIGHTED -> weighted(healthy);
            case FAILOVER, GEOIP -> healthy.get(0);
        };
        return Optional.of(new Answer(cluster, spec.dnsTtl().toMillis()));
    }

    private String weighted(List<String> healthy) {
        int total = healthy.stream().mapToInt(c -> spec.weights().getOrDefault(c, 1)).sum();
        int pick;
        synchronized (random) {
            pick = random.nextInt(Math.max(total, 1));
        }
        for (String c : healthy) {
            pick -= spec.weights().getOrDefault(c, 1);
            if (pick < 0) {
                return c;
            }
        }
        return healthy.get(healthy.size() - 1);
    }

    private void checkOnce(HealthChecker checker) {
        if (checker.check(http)) {
            recordServing(checker.cluster() + (checker.healthy() ? " healthy again" : " failed "
                    + spec.healthCheck().failureThreshold() + " health checks"), false);
        }
    }

    /**
     * Records what the load balancer now hands out (the primary choice, or the healthy set) when it
     * changed, or always for the first answer of the run.
     */
    private synchronized void recordServing(String reason, boolean first) {
        List<String> healthy = healthy();
        String now = healthy.isEmpty() ? null
                : policy == Topology.LbPolicy.FAILOVER || policy == Topology.LbPolicy.GEOIP ? healthy.get(0)
                : String.join(",", healthy);
        if (first || !Objects.equals(now, serving)) {
            serving = now;
            sink.accept(new Event.Serving(clockMs.getAsLong(), now, reason));
        }
    }

    /**
     * Ties this load balancer to the cluster it runs in: while {@code alive} is false (the cluster
     * is lost) its DNS server closes every query unanswered, as a dead name server would, and
     * clients ask the next.
     */
    void runsWhile(BooleanSupplier alive) {
        this.alive = alive;
    }

    private void resolve(HttpExchange exchange) throws IOException {
        if (!alive.getAsBoolean()) {
            exchange.close();
            return;
        }
        Optional<Answer> answer = answer();
        byte[] body = answer.map(a -> "{\"cluster\":\"" + a.cluster() + "\",\"ttl_ms\":" + a.ttlMs() + "}")
                .orElse("{\"error\":\"no healthy cluster\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.isPresent() ? 200 : 503, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * The clusters an answer may name, in failover order: the healthy ones among the records'
     * members; every member when nothing checks their health (a DNSEndpoint on its own).
     */
    private List<String> healthy() {
        List<String> members = spec.records().map(Topology.DnsRecords::members).orElse(null);
        return order.stream()
                .filter(c -> members == null || members.contains(c.cluster()))
                .filter(c -> !healthChecked() || c.healthy())
                .map(HealthChecker::cluster)
                .toList();
    }

    private boolean healthChecked() {
        return spec.records().map(Topology.DnsRecords::healthChecked).orElse(true);
    }

    /** A planned failover: {@code to} becomes the primary and the policy {@code failover}. */
    @Override
    public boolean perform(Step.Scheduled step) {
        if (!(step.step() instanceof Step.Failover failover)) {
            return false;
        }
        synchronized (this) {
            List<HealthChecker> promoted = new ArrayList<>(order);
            promoted.sort(Comparator.comparing(c -> !c.cluster().equals(failover.to())));
            order = List.copyOf(promoted);
            policy = Topology.LbPolicy.FAILOVER;
            recordServing("planned failover to " + failover.to(), false);
        }
        return true;
    }

    @Override
    public void close() {
        dns.stop(0);
        checks.shutdownNow();
        dnsThreads.shutdownNow();
        http.close();
    }
}
