package io.mch.harness.run;

import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.TimeScale;
import io.mch.harness.runtime.RunClock;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mch.faults.nemesis.ClusterNemesis;
import io.mch.faults.nemesis.Nemeses;
import io.mch.harness.backend.Backend;
import io.mch.harness.backend.BackendListener;
import io.mch.harness.backend.Cluster;
import io.mch.harness.backend.Fleet;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.Topology;
import io.mch.harness.fabric.Fabric;
import io.mch.harness.fabric.FabricContext;
import io.mch.harness.fabric.Fabrics;
import io.mch.harness.fabric.LoadBalancerViews;
import io.mch.harness.load.GatlingLoad;
import io.mch.harness.measure.ConsistencyMonitor;
import io.mch.harness.network.Endpoints;
import io.mch.harness.network.Network;
import io.mch.harness.traffic.Resolver;
import io.mch.harness.traffic.Traffic;
import io.mch.harness.workload.Workloads;
import io.mch.reports.history.Event;
import io.mch.reports.history.HistoryLog;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one scenario: brings up the fleet, wires the network and fabric, sends traffic, injects
 * the fault schedule and records everything in the history. It judges nothing: verdicts come
 * afterwards from the history alone. Everything it starts is closed before it returns, also when
 * it fails or is aborted.
 */
public final class Runner {

    /** Wall time between progress lines. */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    /** Scenario time between consistency samples: the resolution of convergence times. */
    private static final Duration CONSISTENCY_EVERY = Duration.ofSeconds(2);
    /** How long after the last scheduled heal the fabric is taken to have settled. */
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    /** How many global clients the probes rotate over. */
    private static final int GLOBAL_CLIENTS = 4;

    private final Backend backend;
    private final Console console;
    private final TimeScale scale;
    private final Path dir;
    private final CountDownLatch abort = new CountDownLatch(1);

    /**
     * {@code dir} is the run directory (a scenario's {@code load:} writes Gatling's files under it).
     * The runner's timers run {@code scale} times faster than scenario time; the backend must be
     * compressed alike (its simulator timings, see {@link io.mch.harness.backend.embedded.SimulatorTimings#wall(TimeScale)}).
     */
    public Runner(Backend backend, Console console, Path dir, TimeScale scale) {
        this.backend = backend;
        this.console = console;
        this.dir = dir;
        this.scale = scale;
    }

    /** Ends the scenario early (signal): faults are healed and the history is closed as usual. */
    public void abort() {
        abort.countDown();
    }

    /**
     * Runs the scenario, appending to {@code log}. Returns how the run ended: {@code completed} or
     * {@code interrupted}; throws when the harness itself failed.
     */
    public String run(Scenario scenario, long seed, HistoryLog log) throws Exception {
        Topology topology = scenario.topology();
        String service = topology.workload().service();
        console.progress("starting " + topology.clusters().size() + " clusters on the " + backend.name() + " backend"
                + (scale.compressed() ? ", time scale " + scale + " (probe resolution "
                        + scale.scenario(scenario.traffic().interval()).toMillis() + " ms of scenario time)" : ""));
        AtomicReference<RunClock> started = new AtomicReference<>();
        log.append(RunFrame.startEvent(scenario, backend.name(), seed, scale));
        try {
            return runFleet(scenario, seed, log, topology, service, started);
        } catch (Exception | Error e) {
            RunClock clock = started.get();
            log.append(new Event.RunEnded(clock == null ? 0 : clock.ms(), "failed: " + e, Map.of()));
            throw e;
        }
    }

    private String runFleet(
            Scenario scenario, long seed, HistoryLog log, Topology topology, String service,
            AtomicReference<RunClock> started) throws Exception {
        try (Fleet fleet = backend.start(topology.wall(scale), listener(log, started))) {
            List<HasMetadata> desired = deployWorkload(topology, fleet);
            try (Network network = Network.of(topology.wall(scale), seed)) {
                RunClock clock = RunClock.startingNow(scale);
                started.set(clock);
                return runWired(scenario, seed, fleet, network, clock, log, service, desired);
            }
        }
    }

    private String runWired(
            Scenario scenario,
            long seed,
            Fleet fleet,
            Network network,
            RunClock clock,
            HistoryLog log,
            String service,
            List<HasMetadata> desired)
            throws Exception {
        Topology topology = scenario.topology().wall(scale);
        Map<String, InetSocketAddress> fromClients = new LinkedHashMap<>();
        for (Cluster c : fleet.clusters()) {
            fromClients.put(c.name(), network.connect(Endpoints.CLIENTS, c.name(), c.ingress()));
        }
        LiveStats live = new LiveStats();
        Map<String, KubernetesClient> clients = new LinkedHashMap<>();
        fleet.clusters().forEach(c -> clients.put(c.name(), c.client()));
        FabricContext context = new FabricContext(topology, fleet, network, clock, e -> {
            log.append(e);
            if (e instanceof Event.Probe p) {
                live.add(p);
            } else if (e instanceof Event.SyncStatus status) {
                live.add(status);
            }
        }, seed, scale, console, scenario.steps(), dir);
        try (Traffic traffic = new Traffic(scale.wall(scenario.traffic().timeout()), clock, p -> {
                    log.append(p);
                    live.add(p);
                }, log::append);
                LoadBalancerViews glb = topology.fabric().globalLoadBalancer().isPresent()
                        ? LoadBalancerViews.start(topology.fabric().globalLoadBalancer().get(), topology, fleet,
                                network, service, log::append, seed, clock::ms)
                        : null;
                Fabrics fabrics = Fabrics.start(context);
                FaultRunner faults = new FaultRunner(
                        new Nemeses(List.of(Nemeses.network(network), new ClusterNemesis(fleet))),
                        clock, log::append);
                StepRunner steps = new StepRunner(stepParts(glb, fabrics), clock, log::append);
                GatlingLoad load = new GatlingLoad(dir.resolve("gatling"), console)) {
            ConsistencyMonitor consistency = new ConsistencyMonitor(
                    () -> fabrics.desired(desired, clients.keySet()), clients, clock, log::append);
            if (glb != null) {
                List<InetSocketAddress> nameservers = glb.nameservers();
                traffic.global(clients(traffic, nameservers, service, clock), fromClients, service,
                        scenario.traffic().interval());
                InetSocketAddress dns = nameservers.get(0);
                if (scenario.load().isPresent()) {
                    Scenario.Load wallLoad = scenario.load().get().wall(scale);
                    long zeroEpochMs = System.currentTimeMillis() - clock.wallMs();
                    load.start(wallLoad, dns, fromClients, service, scale.wall(scenario.traffic().timeout()),
                            zeroEpochMs + wallLoad.at().toMillis());
                }
            }
            if (topology.fabric().mesh().isEmpty()) {
                crossClusterProbes(fleet, network, traffic, service);
            }
            traffic.start();
            faults.schedule(scenario.faults(), scenario.duration());
            steps.schedule(scenario.steps());
            String reason = waitForEnd(scenario, clock, faults, consistency, live);
            traffic.stop();
            steps.close();
            load.finish(reason.equals("completed"));
            faults.healAll();
            consistency.sample(true);
            fabrics.close();
            List<String> errors = new ArrayList<>(faults.errors());
            errors.addAll(steps.errors());
            if (!errors.isEmpty()) {
                throw new IllegalStateException(String.join("; ", errors));
            }
            Map<String, String> status = new LinkedHashMap<>();
            fleet.clusters().forEach(c -> status.put(c.name(), c.status()));
            log.append(new Event.RunEnded(clock.ms(), reason, status));
            return reason;
        }
    }

    /**
     * The global clients: {@value #GLOBAL_CLIENTS} of them, each with its own DNS cache and each
     * asking the name servers in its own order, as independent stub resolvers would.
     */
    private static List<Resolver> clients(
            Traffic traffic, List<InetSocketAddress> nameservers, String service, RunClock clock) {
        List<Resolver> clients = new ArrayList<>();
        for (int i = 0; i < GLOBAL_CLIENTS; i++) {
            List<InetSocketAddress> order = new ArrayList<>(nameservers);
            java.util.Collections.rotate(order, -i);
            clients.add(new Resolver(traffic.http(), order, service, clock::wallMs));
        }
        return clients;
    }

    /**
     * Clients in every cluster calling the service in every other one directly. With a mesh, the
     * mesh's own in-cluster clients are the cross-cluster callers instead: they go where the mesh
     * routes them, which is what the latency matrix must show.
     */
    private static void crossClusterProbes(Fleet fleet, Network network, Traffic traffic, String service) {
        for (Cluster from : fleet.clusters()) {
            for (Cluster to : fleet.clusters()) {
                if (from != to) {
                    traffic.crossCluster(from.name(), to.name(), network.connect(from.name(), to.name(), to.ingress()),
                            service, RunFrame.crossProbeInterval(fleet.clusters().size()));
                }
            }
        }
    }

    private static List<Fabric> stepParts(LoadBalancerViews glb, Fabrics fabrics) {
        List<Fabric> parts = new ArrayList<>(fabrics.parts());
        if (glb != null) {
            parts.add(glb);
        }
        return parts;
    }

    private String waitForEnd(
            Scenario scenario, RunClock clock, FaultRunner faults, ConsistencyMonitor consistency, LiveStats live)
            throws InterruptedException {
        long endMs = scenario.duration().toMillis();
        long progressEvery = scale.scenario(PROGRESS_EVERY).toMillis();
        long nextProgress = progressEvery;
        long nextSample = 0;
        long lastHealMs = scenario.faults().stream()
                .mapToLong(f -> f.end(scenario.duration()).toMillis())
                .max()
                .orElse(0);
        while (true) {
            long now = clock.ms();
            if (now >= endMs) {
                return "completed";
            }
            if (now >= nextSample) {
                consistency.sample(now >= lastHealMs + SETTLE.toMillis() && lastHealMs < endMs);
                nextSample = now + CONSISTENCY_EVERY.toMillis();
            }
            if (now >= nextProgress) {
                console.progress(String.format("[%4ds/%ds] %s | %s", now / 1000, endMs / 1000,
                        faults.activeFaults().isEmpty() ? "no fault active" : "faults active: " + faults.activeFaults(),
                        live.drain()));
                nextProgress += progressEvery;
            }
            long wait = Math.min(Math.min(nextProgress, nextSample), endMs) - clock.ms();
            if (abort.await(Math.max(1, scale.wallMs(wait)), TimeUnit.MILLISECONDS)) {
                console.progress("interrupted at " + clock.ms() / 1000 + "s: healing faults and stopping");
                return "interrupted";
            }
        }
    }

    private List<HasMetadata> deployWorkload(Topology topology, Fleet fleet) {
        List<Path> manifests = topology.workload().manifests();
        for (Cluster c : fleet.clusters()) {
            Workloads.apply(c.client(), manifests);
        }
        for (Cluster c : fleet.clusters()) {
            Workloads.awaitReady(c.client(), "default", topology.workload().service(), READY_TIMEOUT);
        }
        console.progress("workload ready in every cluster: " + manifests);
        return Workloads.read(fleet.clusters().get(0).client(), manifests);
    }

    /** Node events before the scenario's zero (clusters coming up) are stamped 0. */
    private BackendListener listener(HistoryLog log, AtomicReference<RunClock> started) {
        return new BackendListener() {
            @Override
            public void nodeStatus(String cluster, String node, String status) {
                RunClock clock = started.get();
                log.append(new Event.NodeStatus(clock == null ? 0 : clock.ms(), cluster, node, status));
            }

            @Override
            public void progress(String message) {
                console.progress(message);
            }
        };
    }
}
