package io.mch.harness.traffic;

import io.mch.harness.runtime.RunClock;
import io.mch.harness.runtime.Threads;
import io.mch.reports.history.Event;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * All probe traffic of a run: the global clients calling the service through the load balancer,
 * and in-cluster clients calling the service of every other cluster. Every probe of the schedule
 * is accounted for in the history: recorded as a probe whatever happened to it, or as missed by mch
 * when mch could not send it on time ({@link ProbeLoop}), or as cut by the end; the account
 * ({@link Event.ProbeAccount}) is recorded when the traffic stops.
 */
public final class Traffic implements AutoCloseable {

    private static final int WORKERS = 64;
    /** How long {@link #stop()} lets the workers finish: their probes' timeouts end with the run. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    /** How late after its due time (wall) a probe may still be sent; later, it is missed by mch. */
    public static final Duration SEND_TOLERANCE = Duration.ofMillis(100);

    /** Where one call of a routed probe goes: the cluster chosen for it and the address that reaches it. */
    public record Destination(String cluster, InetSocketAddress address) {}

    /** Chooses each call's destination anew (a mesh client picking an endpoint); throws when there is none. */
    public interface Route {
        Destination choose() throws IOException;
    }

    private final long seed;
    private final Duration timeout;
    private final RunClock clock;
    private final Consumer<Event.Probe> sink;
    private final Consumer<Event> harness;
    private final ProbeCounts counts = new ProbeCounts();
    private final ProbeLoop.Lag lag;
    private final Http http;
    private final ScheduledExecutorService ticker;
    private final ExecutorService workers;
    private final List<ProbeLoop> loops = new ArrayList<>();
    /** The run's end ({@link System#nanoTime()}): far away until {@link #until} or {@link #stop()} sets it. */
    private final AtomicLong endNanos = new AtomicLong(System.nanoTime() + Long.MAX_VALUE / 2);
    private boolean started;
    private boolean stopped;

    /**
     * {@code harness} receives what mch records about itself: missed probes and the schedule's
     * account; {@code seed} (the run's) places each loop's first probe within its first interval.
     */
    public Traffic(Duration timeout, RunClock clock, Consumer<Event.Probe> sink, Consumer<Event> harness, long seed) {
        this("probe", timeout, clock, sink, harness, seed);
    }

    /** Traffic whose threads are named {@code mch-<role>-...}, so a leak names the part that owns it. */
    public Traffic(String role, Duration timeout, RunClock clock, Consumer<Event.Probe> sink, Consumer<Event> harness,
            long seed) {
        this.seed = seed;
        this.timeout = timeout;
        this.clock = clock;
        this.sink = sink;
        this.harness = harness;
        this.lag = new ProbeLoop.Lag(SEND_TOLERANCE.toNanos(), timeout.toNanos(), counts, harness::accept, endNanos::get);
        this.http = new Http(WORKERS, timeout);
        this.ticker = Executors.newSingleThreadScheduledExecutor(Threads.named(role + "-tick"));
        this.workers = Executors.newFixedThreadPool(WORKERS, Threads.named(role));
    }

    /**
     * Ends the probes at scenario time {@code end} of the clock (set at its zero): no probe's timeout runs
     * past it, and a probe not answered by then is cut by the end, not recorded.
     */
    public Traffic until(Duration end) {
        clock.whenStarted(() -> endNanos.set(clock.nanoTimeAt(end)));
        return this;
    }

    /** The client used for DNS queries too, so they share the probes' timeout. */
    public Http http() {
        return http;
    }

    /** Global clients: resolve through the load balancer, then call the answer over their link. */
    public Traffic global(Resolver resolver, Map<String, InetSocketAddress> paths, String service, Duration interval) {
        return global(List.of(resolver), paths, service, interval);
    }

    /**
     * Global clients, each with its own DNS cache: the probes rotate over them, so with a
     * round-robin or weighted load balancer the traffic splits the way many clients' would.
     */
    public Traffic global(List<Resolver> clients, Map<String, InetSocketAddress> paths, String service,
            Duration interval) {
        AtomicInteger next = new AtomicInteger();
        add(new ProbeLoop("clients", "global", interval, timeout -> {
            String cluster = clients.get(Math.floorMod(next.getAndIncrement(), clients.size())).resolve(timeout);
            return call(paths.get(cluster), service, timeout);
        }, clock, sink, lag));
        return this;
    }

    /** A client inside cluster {@code from} calling the service in cluster {@code to}. */
    public Traffic crossCluster(String from, String to, InetSocketAddress path, String service, Duration interval) {
        add(new ProbeLoop(from, to, interval, timeout -> call(path, service, timeout), clock, sink, lag));
        return this;
    }

    /**
     * A client inside cluster {@code from} calling {@code service} wherever {@code route} sends
     * each call; recorded with {@code target} as its target. A failed call's error names the
     * cluster it was sent to, since the probe records no server for it. While {@code fromPresent}
     * is false (its cluster is lost) the client does not exist and sends nothing.
     */
    public Traffic routed(String from, String target, Route route, String service, Duration interval,
            BooleanSupplier fromPresent) {
        add(new ProbeLoop(from, target, interval, timeout -> {
            Destination destination = route.choose();
            try {
                return call(destination.address(), service, timeout);
            } catch (IOException e) {
                throw new IOException("routed to " + destination.cluster() + ": " + ProbeLoop.describe(e), e);
            }
        }, clock, sink, lag, fromPresent));
        return this;
    }

    /** A loop added after {@link #start()} starts at once (a cluster joining during the run). */
    private synchronized void add(ProbeLoop loop) {
        loops.add(loop);
        if (started) {
            loop.start(ticker, workers, phase(loop));
        }
    }

    /**
     * Where in its first interval a loop's first probe falls, from the run's seed and the loop's
     * ends: loops that start together (every ordered pair of a large fleet) would otherwise all be
     * due at the same instant, once per interval, a burst mch's workers cannot send on time. The
     * same seed places every loop the same way.
     */
    private double phase(ProbeLoop loop) {
        return phase(seed, loop.source(), loop.target());
    }

    static double phase(long seed, String source, String target) {
        return new SplittableRandom(seed ^ (source + "->" + target).hashCode() * 0x9E3779B97F4A7C15L).nextDouble();
    }

    private String call(InetSocketAddress path, String service, Duration timeout) throws IOException {
        Http.Response response = http.get(path, "/" + service + "/probe", timeout);
        if (!response.ok()) {
            throw new IOException("HTTP " + response.status() + " from " + response.cluster());
        }
        return response.cluster();
    }

    /**
     * Starts the probe loops at the clock's zero (at once if it has started): probe k of a loop is
     * due (phase + k) intervals after the zero, never before it, so no probe is sent while mch is
     * still wiring the run.
     */
    public void start() {
        clock.whenStarted(this::begin);
    }

    private synchronized void begin() {
        if (stopped) {
            return;
        }
        started = true;
        loops.forEach(l -> l.start(ticker, workers, phase(l)));
    }

    /**
     * Ends the probes now (if {@link #until} had not ended them already): stops sending, lets the
     * workers finish (probes in flight are cut by the end; their timeouts ran out with the run's
     * end, so this takes at most a moment after a run that completed), and records the schedule's
     * account: what is neither sent nor missed by then was cut by the end.
     */
    public void stop() throws InterruptedException {
        long now = System.nanoTime();
        endNanos.accumulateAndGet(now, (end, at) -> at - end < 0 ? at : end);
        synchronized (this) {
            started = false;
            stopped = true;
            loops.forEach(ProbeLoop::stop);
        }
        ticker.shutdown();
        ticker.awaitTermination(1, TimeUnit.SECONDS);
        workers.shutdown();
        workers.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        workers.shutdownNow();
        Event.ProbeAccount account = counts.close(clock.ms(), SEND_TOLERANCE.toMillis(), clock.scale().scenarioMs(1));
        if (account.scheduled() > 0) {
            harness.accept(account);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        workers.shutdownNow();
        http.close();
    }
}
