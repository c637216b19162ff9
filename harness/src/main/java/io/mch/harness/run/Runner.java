package io.mch.harness.run;

import io.mch.harness.fabric.balancer.LoadBalancerViews;
import io.mch.harness.runtime.TimeScale;
import io.mch.harness.runtime.RunClock;
import io.mch.harness.runtime.RunContext;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mch.harness.fault.registry.FaultTypes;
import io.mch.harness.backend.Backend;
import io.mch.harness.backend.Cluster;
import io.mch.harness.backend.Fleet;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.Topology;
import io.mch.harness.fabric.FabricContext;
import io.mch.harness.load.GatlingLoad;
import io.mch.harness.measure.ConsistencyMonitor;
import io.mch.harness.network.Endpoints;
import io.mch.harness.network.Network;
import io.mch.harness.traffic.Resolver;
import io.mch.harness.traffic.Traffic;
import io.mch.harness.workload.Workloads;
import io.mch.reports.history.Event;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
    private static final String INTERRUPTED = "interrupted";

    private final Backend backend;
    private final CountDownLatch abort = new CountDownLatch(1);
    private final Object phase = new Object();
    /**
     * The thread bringing the run up (fleet, workload, network, fabric), which {@link #abort()}
     * interrupts; null once the run is up, when the end is asked for through the latch instead so
     * that healing and closing are never interrupted.
     */
    private Thread startingUp;

    public Runner(Backend backend) {
        this.backend = backend;
    }

    /**
     * Ends the scenario early (signal): faults are healed and the history is closed as usual. A run
     * still coming up (clusters starting, the workload not ready yet) is interrupted there and
     * closes what it had started.
     */
    public void abort() {
        synchronized (phase) {
            abort.countDown();
            if (startingUp != null) {
                startingUp.interrupt();
            }
        }
    }

    /**
     * Runs the scenario in {@code run}, appending to its history. The run's clock is started once
     * everything is wired (fleet, workload, links, fabric, probe loops), right before the traffic and
     * the schedule begin: scenario time 0 is when the system is up and measured. Returns how the run
     * ended: {@code completed} or {@code interrupted}; throws when the harness itself failed.
     */
    public String run(Scenario scenario, RunContext run) throws Exception {
        TimeScale scale = run.scale();
        Topology topology = scenario.topology().wall(scale);
        run.progress("starting " + topology.clusters().size() + " clusters on the " + backend.name() + " backend"
                + (scale.compressed() ? ", time scale " + scale + " (probe resolution "
                        + scale.scenario(scenario.traffic().interval()).toMillis() + " ms of scenario time)" : ""));
        run.history().accept(RunFrame.startEvent(scenario, backend.name(), run.seed(), scale));
        synchronized (phase) {
            startingUp = Thread.currentThread();
        }
        try (Fleet fleet = startingUp(() -> backend.start(topology, run))) {
            List<HasMetadata> desired = startingUp(() -> deployWorkload(topology, fleet, run));
            try (Network network = startingUp(() -> Network.of(topology, run.seed()))) {
                LiveStats live = new LiveStats();
                FabricContext ctx = new FabricContext(run.observed(live::see), topology, fleet, network, scenario.steps());
                return runWired(scenario, ctx, desired, live);
            }
        } catch (StartInterrupted e) {
            run.progress("interrupted while starting: everything started is closed");
            run.history().accept(new Event.RunEnded(run.clock().ms(), INTERRUPTED, Map.of()));
            return INTERRUPTED;
        } catch (Exception | Error e) {
            run.history().accept(new Event.RunEnded(run.clock().ms(), "failed: " + e, Map.of()));
            throw e;
        }
    }

    private String runWired(Scenario scenario, FabricContext ctx, List<HasMetadata> desired, LiveStats live)
            throws Exception {
        Fleet fleet = ctx.fleet();
        Network network = ctx.network();
        RunClock clock = ctx.clock();
        Duration timeout = ctx.scale().wall(scenario.traffic().timeout());
        String service = ctx.topology().workload().service();
        Map<String, InetSocketAddress> fromClients = new LinkedHashMap<>();
        for (Cluster c : fleet.clusters()) {
            fromClients.put(c.name(), network.connect(Endpoints.CLIENTS, c.name(), c.ingress()));
        }
        Map<String, KubernetesClient> clients = new LinkedHashMap<>();
        fleet.clusters().forEach(c -> clients.put(c.name(), c.client()));
        try (Traffic traffic = new Traffic(timeout, clock, ctx.history()::accept, ctx.history()::accept, ctx.run().seed())
                        .until(scenario.duration());
                Fabrics fabrics = startingUp(() -> Fabrics.start(ctx));
                ScheduleRunner schedule = new ScheduleRunner(
                        FaultTypes.BUILT_IN.nemesis(network, fleet),
                        fabrics.parts(), clock, ctx.history());
                GatlingLoad load = new GatlingLoad(ctx.runDir().resolve("gatling"), ctx.console())) {
            ConsistencyMonitor consistency = new ConsistencyMonitor(
                    () -> fabrics.desired(desired, clients.keySet()), clients, clock, ctx.history());
            Optional<List<InetSocketAddress>> nameservers = fabrics.loadBalancer().map(LoadBalancerViews::nameservers);
            if (nameservers.isPresent()) {
                traffic.global(clients(traffic, nameservers.get(), service, clock), fromClients, service,
                        scenario.traffic().interval());
            }
            if (ctx.topology().fabric().mesh().isEmpty()) {
                crossClusterProbes(fleet, network, traffic, service);
            }
            traffic.start();
            clock.start();
            schedule.schedule(scenario.faults(), scenario.steps(), scenario.duration());
            if (scenario.load().isPresent() && nameservers.isPresent()) {
                Scenario.Load wallLoad = scenario.load().get().wall(ctx.scale());
                long zeroEpochMs = System.currentTimeMillis() - clock.wallMs();
                load.start(wallLoad, nameservers.get().get(0), fromClients, service, timeout,
                        zeroEpochMs + wallLoad.at().toMillis());
            }
            up();
            String reason = waitForEnd(scenario, ctx, schedule, consistency, live);
            traffic.stop();
            load.finish(reason.equals("completed"));
            schedule.healAll();
            consistency.sample(true);
            fabrics.close();
            if (!schedule.errors().isEmpty()) {
                throw new IllegalStateException(String.join("; ", schedule.errors()));
            }
            Map<String, String> status = new LinkedHashMap<>();
            fleet.clusters().forEach(c -> status.put(c.name(), c.status()));
            ctx.history().accept(new Event.RunEnded(clock.ms(), reason, status));
            return reason;
        }
    }

    /**
     * One step of bringing the run up. When a signal came before or during it, the thread's
     * interrupt is cleared (so closing what was started is not interrupted too) and the run ends
     * as interrupted; a step whose result must be closed is the resource of a try, so it is closed.
     */
    private <T> T startingUp(Callable<T> step) throws Exception {
        interruptedWhileStarting();
        try {
            return step.call();
        } catch (Exception e) {
            interruptedWhileStarting();
            throw e;
        }
    }

    private void interruptedWhileStarting() {
        if (abort.getCount() == 0) {
            up();
            throw new StartInterrupted();
        }
    }

    /** The run is up: a signal from now on ends it through the latch, never by interrupting it. */
    private void up() {
        synchronized (phase) {
            startingUp = null;
        }
        Thread.interrupted();
    }

    /** A signal came while the run was coming up. */
    private static final class StartInterrupted extends RuntimeException {
        StartInterrupted() {
            super(INTERRUPTED, null, false, false);
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

    private String waitForEnd(
            Scenario scenario, FabricContext ctx, ScheduleRunner schedule, ConsistencyMonitor consistency,
            LiveStats live) throws InterruptedException {
        RunClock clock = ctx.clock();
        TimeScale scale = ctx.scale();
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
                ctx.run().progress(String.format("[%4ds/%ds] %s | %s", now / 1000, endMs / 1000,
                        schedule.activeFaults().isEmpty() ? "no fault active" : "faults active: " + schedule.activeFaults(),
                        live.drain()));
                nextProgress += progressEvery;
            }
            long wait = Math.min(Math.min(nextProgress, nextSample), endMs) - clock.ms();
            if (abort.await(Math.max(1, scale.wallMs(wait)), TimeUnit.MILLISECONDS)) {
                ctx.run().progress("interrupted at " + clock.ms() / 1000 + "s: healing faults and stopping");
                return INTERRUPTED;
            }
        }
    }

    private List<HasMetadata> deployWorkload(Topology topology, Fleet fleet, RunContext run) {
        List<Path> manifests = topology.workload().manifests();
        for (Cluster c : fleet.clusters()) {
            Workloads.apply(c.client(), manifests);
        }
        List<HasMetadata> objects = Workloads.read(fleet.clusters().get(0).client(), manifests);
        String namespace = Workloads.serviceNamespace(objects, topology.workload().service());
        for (Cluster c : fleet.clusters()) {
            Workloads.awaitReady(c.client(), namespace, topology.workload().service(), READY_TIMEOUT);
        }
        run.progress("workload ready in every cluster: " + manifests);
        return objects;
    }
}
