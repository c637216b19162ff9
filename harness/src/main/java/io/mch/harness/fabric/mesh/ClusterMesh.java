package io.mch.harness.fabric.mesh;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.mch.harness.backend.Cluster;
import io.mch.harness.config.MeshSpec;
import io.mch.harness.config.Step;
import io.mch.harness.fabric.Fabric;
import io.mch.harness.fabric.FabricContext;
import io.mch.harness.runtime.Threads;
import io.mch.harness.traffic.Traffic;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Cilium ClusterMesh as a fabric part: global services (Services annotated
 * {@code service.cilium.io/global: "true"}) are served by every member cluster; each member's
 * agent learns its peers' endpoints through the network, and in-cluster clients call the service
 * the way a pod would, routed by affinity over what their agent knows. Because knowledge of a
 * partitioned peer goes stale rather than away (for ever, under Cilium's default TTL of zero), the
 * history shows calls still sent to a cluster nobody can reach. Probes are recorded with target
 * {@code mesh:<service>} and the answering cluster as {@code servedBy}.
 */
public final class ClusterMesh implements Fabric {

    /** Wall interval at which a {@code connect} step's completion is looked for: its resolution. */
    static final Duration CONNECT_RESOLUTION = Duration.ofMillis(100);

    private static final String COMPONENT = "mesh";

    private final MeshSettings settings;
    private final MeshSpec.Affinity defaultAffinity;
    private final FabricContext ctx;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Traffic traffic;
    private final Map<String, MeshAgent> agents = new LinkedHashMap<>();
    private final Set<String> pending;
    private final Map<String, Long> connecting = new ConcurrentHashMap<>();
    private List<GlobalService> services = List.of();
    private boolean closed;

    private ClusterMesh(MeshSpec spec, FabricContext ctx) {
        this.settings = MeshSettings.of(spec, ctx.scale());
        this.defaultAffinity = spec.affinity();
        this.ctx = ctx;
        int clusters = ctx.fleet().clusters().size();
        // One thread per agent and per (agent, peer) reader, so a blackholed read delays nothing else.
        this.scheduler = new ScheduledThreadPoolExecutor(clusters * clusters + 1, Threads.named("mesh"));
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.traffic = new Traffic("mesh-probe", settings.wallClientTimeout(), ctx.clock(), ctx.history()::accept,
                ctx.history(), ctx.seed());
        this.pending = ctx.steps().stream()
                .map(Step.Scheduled::step)
                .filter(Step.Connect.class::isInstance)
                .map(s -> ((Step.Connect) s).cluster())
                .collect(Collectors.toCollection(ConcurrentHashMap::newKeySet));
    }

    /**
     * Starts the mesh: every cluster not named by a scenario {@code connect} step is a member from
     * now on; the global services are those annotated in any cluster (the first cluster declaring
     * one sets its affinity, else {@code spec.affinity()}). Waits for the first round of discovery
     * (bounded by the API timeout), then starts the in-cluster clients. {@code spec} is in
     * wall time, like the rest of the context's topology.
     */
    public static ClusterMesh start(MeshSpec spec, FabricContext ctx) {
        ClusterMesh mesh = new ClusterMesh(spec, ctx);
        try {
            mesh.begin();
            return mesh;
        } catch (RuntimeException | Error e) {
            mesh.close();
            throw e;
        }
    }

    private void begin() {
        services = globalServices();
        if (services.isEmpty()) {
            ctx.note(COMPONENT, null, "no Service is annotated " + GlobalService.GLOBAL
                    + ": \"true\"; the mesh shares no endpoints and its clients send nothing");
        }
        for (Cluster c : ctx.fleet().clusters()) {
            if (!pending.contains(c.name())) {
                join(c.name());
            }
        }
        awaitFirstDiscovery();
        traffic.start();
        long poll = CONNECT_RESOLUTION.toNanos();
        scheduler.scheduleWithFixedDelay(this::checkConnecting, poll, poll, TimeUnit.NANOSECONDS);
    }

    /** A {@code connect} step: the cluster joins now; measured in the background until discovery works both ways. */
    @Override
    public boolean perform(Step.Scheduled step) {
        if (!(step.step() instanceof Step.Connect connect)) {
            return false;
        }
        String cluster = connect.cluster();
        synchronized (this) {
            if (closed) {
                return true;
            }
            if (agents.containsKey(cluster)) {
                ctx.note(COMPONENT, cluster, cluster + " is already a member of the mesh: nothing to connect");
                return true;
            }
            pending.remove(cluster);
            ctx.note(COMPONENT, cluster, cluster + " joins the mesh with " + agents.size() + " peers");
            connecting.put(cluster, ctx.clock().ms());
            join(cluster);
        }
        return true;
    }

    /** The cluster's agent starts, every member starts discovering it, and its clients start calling. */
    private synchronized void join(String cluster) {
        MeshAgent agent = new MeshAgent(cluster, services, settings, defaultAffinity, ctx, scheduler);
        agents.put(cluster, agent);
        agent.start();
        for (MeshAgent other : agents.values()) {
            if (other != agent) {
                other.addPeer(cluster);
                agent.addPeer(other.cluster());
                // Opened now, so every member's links exist from the moment it joins.
                ctx.ingress(cluster, other.cluster());
                ctx.ingress(other.cluster(), cluster);
            }
        }
        settings.probeInterval().ifPresent(interval -> {
            for (GlobalService service : services) {
                traffic.routed(cluster, "mesh:" + service.name(), () -> {
                    String to = agent.route(service).orElseThrow(() -> new IOException(
                            "no endpoint of " + service.key() + " known in " + cluster + " or its peers"));
                    return new Traffic.Destination(to, to.equals(cluster)
                            ? ctx.fleet().cluster(cluster).ingress()
                            : ctx.ingress(cluster, to));
                }, service.name(), interval, () -> !ctx.fleet().lost(cluster));
            }
        });
    }

    private void checkConnecting() {
        for (Map.Entry<String, Long> e : connecting.entrySet()) {
            String cluster = e.getKey();
            if (discoveryWorksBothWays(cluster) && connecting.remove(cluster, e.getValue())) {
                List<String> peers = peersOf(cluster);
                ctx.measured("connect", cluster, ctx.clock().ms() - e.getValue(), CONNECT_RESOLUTION,
                        peers.isEmpty() ? "no peers to discover"
                                : cluster + " knows the endpoints of " + String.join(", ", peers) + " and they know its");
            }
        }
    }

    private synchronized boolean discoveryWorksBothWays(String cluster) {
        MeshAgent joined = agents.get(cluster);
        return peersOf(cluster).stream().allMatch(p -> joined.knows(p) && agents.get(p).knows(cluster));
    }

    private synchronized List<String> peersOf(String cluster) {
        return agents.keySet().stream().filter(n -> !n.equals(cluster)).toList();
    }

    /** Every agent has tried every peer once, or the API timeout has passed. */
    private void awaitFirstDiscovery() {
        long deadline = System.nanoTime() + ctx.scale().wall(Duration.ofSeconds(5)).toNanos() + 1_000_000_000L;
        List<MeshAgent> members;
        synchronized (this) {
            members = new ArrayList<>(agents.values());
        }
        while (!members.stream().allMatch(MeshAgent::triedEveryPeer) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Services annotated global in any cluster, once each, in cluster order. */
    private List<GlobalService> globalServices() {
        Map<String, GlobalService> found = new LinkedHashMap<>();
        for (Cluster c : ctx.fleet().clusters()) {
            for (Service s : c.client().services().inAnyNamespace().list().getItems()) {
                GlobalService.of(s, defaultAffinity).ifPresent(g -> found.putIfAbsent(g.key(), g));
            }
        }
        return List.copyOf(found.values());
    }

    /** The mesh distributes no configuration. */
    @Override
    public Map<String, List<HasMetadata>> desired() {
        return Map.of();
    }

    /**
     * Stops the clients (waiting for calls in flight to be recorded), the agents and their API
     * clients; a {@code connect} still unmeasured is noted as never completed.
     */
    @Override
    public void close() {
        List<MeshAgent> stopping;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopping = new ArrayList<>(agents.values());
        }
        try {
            traffic.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            traffic.close();
            scheduler.shutdownNow();
            stopping.forEach(MeshAgent::close);
            awaitScheduler();
        }
        connecting.forEach((cluster, startMs) -> ctx.note(COMPONENT, cluster, String.format(Locale.ROOT,
                "%s joined at %.1f s but cross-cluster discovery never worked both ways before the mesh stopped",
                cluster, startMs / 1000.0)));
    }

    private void awaitScheduler() {
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
