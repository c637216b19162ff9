package io.mch.harness.traffic;

import io.mch.harness.run.RunClock;
import io.mch.harness.run.Threads;
import io.mch.reports.history.Event;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * All probe traffic of a run: the global clients calling the service through the load balancer,
 * and in-cluster clients calling the service of every other cluster. Every probe ends up in the
 * history, whatever happened to it.
 */
public final class Traffic implements AutoCloseable {

    private static final int WORKERS = 64;

    private final Duration timeout;
    private final RunClock clock;
    private final Consumer<Event.Probe> sink;
    private final Http http;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Threads.named("probe-tick"));
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, Threads.named("probe"));
    private final List<ProbeLoop> loops = new ArrayList<>();

    public Traffic(Duration timeout, RunClock clock, Consumer<Event.Probe> sink) {
        this.timeout = timeout;
        this.clock = clock;
        this.sink = sink;
        this.http = new Http(WORKERS, timeout);
    }

    /** The client used for DNS queries too, so they share the probes' timeout. */
    public Http http() {
        return http;
    }

    /** Global clients: resolve through the load balancer, then call the answer over their link. */
    public Traffic global(Resolver resolver, Map<String, InetSocketAddress> paths, String service, Duration interval) {
        loops.add(new ProbeLoop("clients", "global", interval, () -> {
            String cluster = resolver.resolve();
            return call(paths.get(cluster), service);
        }, clock, sink));
        return this;
    }

    /** A client inside cluster {@code from} calling the service in cluster {@code to}. */
    public Traffic crossCluster(String from, String to, InetSocketAddress path, String service, Duration interval) {
        loops.add(new ProbeLoop(from, to, interval, () -> call(path, service), clock, sink));
        return this;
    }

    private String call(InetSocketAddress path, String service) throws IOException {
        Http.Response response = http.get(path, "/" + service + "/probe");
        if (!response.ok()) {
            throw new IOException("HTTP " + response.status() + " from " + response.cluster());
        }
        return response.cluster();
    }

    public void start() {
        loops.forEach(l -> l.start(ticker, workers));
    }

    /** Stops sending and waits (up to one timeout and a bit) for probes in flight to be recorded. */
    public void stop() throws InterruptedException {
        loops.forEach(ProbeLoop::stop);
        ticker.shutdown();
        ticker.awaitTermination(1, TimeUnit.SECONDS);
        workers.shutdown();
        workers.awaitTermination(timeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        workers.shutdownNow();
        http.close();
    }
}
