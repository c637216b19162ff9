package io.mch.harness.fabric.mesh;

import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mch.harness.config.MeshSpec;
import io.mch.harness.fabric.FabricContext;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One member cluster's mesh agent (cilium-agent with its clustermesh connections): it reads its
 * own cluster's endpoints directly and each peer's through the network, every discovery interval,
 * each peer on its own schedule so a blackholed peer delays only itself. Its knowledge, not the
 * peers' actual state, is what routes the cluster's calls. It learns from a peer only the
 * endpoints that peer shares ({@link GlobalService#isShared}), and reads its own cluster's
 * annotations for whether and how its calls use them.
 */
final class MeshAgent implements AutoCloseable {

    /** One peer: the API client through the link {@code self → peer}, and what was learnt through it. */
    private record Peer(PeerEndpoints endpoints, KubernetesClient client, ScheduledFuture<?> reading) {}

    private final String self;
    private final Set<String> serviceKeys;
    private final MeshSettings settings;
    private final FabricContext ctx;
    private final ScheduledExecutorService scheduler;
    private final Random random;
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final List<ScheduledFuture<?>> tasks = new CopyOnWriteArrayList<>();
    private final MeshSpec.Affinity defaultAffinity;
    private volatile Map<String, Integer> local = Map.of();
    /** This cluster's own Services that are global, with their affinity here: only they take remote endpoints. */
    private volatile Map<String, GlobalService> localGlobal = Map.of();
    private volatile boolean closed;

    MeshAgent(String self, Collection<GlobalService> services, MeshSettings settings, MeshSpec.Affinity defaultAffinity,
            FabricContext ctx, ScheduledExecutorService scheduler) {
        this.self = self;
        this.defaultAffinity = defaultAffinity;
        this.serviceKeys = services.stream().map(GlobalService::key).collect(Collectors.toUnmodifiableSet());
        this.settings = settings;
        this.ctx = ctx;
        this.scheduler = scheduler;
        this.random = new Random(ctx.seed() ^ self.hashCode());
    }

    String cluster() {
        return self;
    }

    /** Reads the local endpoints once (so the first calls are routed informed), then every interval. */
    void start() {
        refreshLocal();
        long interval = settings.wallDiscoveryInterval().toNanos();
        tasks.add(scheduler.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.NANOSECONDS));
    }

    /** Starts discovering {@code peer}'s endpoints through the network, from now on. */
    synchronized void addPeer(String peer) {
        if (closed || peers.containsKey(peer)) {
            return;
        }
        PeerEndpoints endpoints = new PeerEndpoints(self, peer, settings.staleEndpointTtl(), settings.liveness());
        KubernetesClient client = ctx.apiClient(self, peer);
        long interval = settings.wallDiscoveryInterval().toNanos();
        ScheduledFuture<?> reading = scheduler.scheduleWithFixedDelay(
                () -> read(endpoints, client), 0, interval, TimeUnit.NANOSECONDS);
        peers.put(peer, new Peer(endpoints, client, reading));
    }

    /**
     * The cluster one call to {@code service} goes to, by this cluster's affinity over what this
     * agent knows. Where this cluster's own Service is not global, its calls stay local, as
     * Cilium merges remote endpoints only into a global service.
     */
    Optional<String> route(GlobalService service) {
        GlobalService here = localGlobal.get(service.key());
        if (here == null) {
            return Routing.choose(self, local.getOrDefault(service.key(), 0), Map.of(), MeshSpec.Affinity.LOCAL, random);
        }
        Map<String, Integer> remote = new LinkedHashMap<>();
        peers.forEach((name, peer) -> remote.put(name, peer.endpoints().count(service.key())));
        return Routing.choose(self, local.getOrDefault(service.key(), 0), remote, here.affinity(), random);
    }

    /** Whether this agent currently knows {@code peer}'s endpoints (a read succeeded and nothing was revoked). */
    boolean knows(String peer) {
        Peer p = peers.get(peer);
        return p != null && p.endpoints().known();
    }

    /** Whether every peer has been read at least once, successfully or not. */
    boolean triedEveryPeer() {
        return peers.values().stream().allMatch(p -> p.endpoints().attempted());
    }

    /** Applies the stale-endpoint rule first, so reading the local cluster never delays a revocation. */
    private void tick() {
        long now = ctx.clock().ms();
        for (Peer peer : peers.values()) {
            peer.endpoints().check(now).ifPresent(note -> ctx.note("mesh", self, note));
        }
        try {
            refreshLocal();
        } catch (RuntimeException e) {
            // The cluster's own API is down (the cluster is lost): the agent keeps what it knew.
        }
    }

    private void refreshLocal() {
        KubernetesClient client = ctx.fleet().cluster(self).client();
        Map<String, GlobalService> global = new LinkedHashMap<>();
        for (Service s : client.services().inAnyNamespace().list().getItems()) {
            GlobalService.of(s, defaultAffinity).filter(g -> serviceKeys.contains(g.key()))
                    .ifPresent(g -> global.put(g.key(), g));
        }
        local = readyCounts(client.endpoints().inAnyNamespace().list().getItems(), serviceKeys);
        localGlobal = Map.copyOf(global);
    }

    private void read(PeerEndpoints endpoints, KubernetesClient client) {
        endpoints.reading(ctx.clock().ms());
        try {
            Set<String> exported = client.services().inAnyNamespace().list().getItems().stream()
                    .filter(GlobalService::isShared)
                    .map(s -> GlobalService.key(s.getMetadata().getNamespace(), s.getMetadata().getName()))
                    .filter(serviceKeys::contains)
                    .collect(Collectors.toSet());
            Map<String, Integer> counts = readyCounts(client.endpoints().inAnyNamespace().list().getItems(), exported);
            endpoints.learned(counts, ctx.clock().ms()).ifPresent(note -> ctx.note("mesh", self, note));
        } catch (RuntimeException e) {
            if (!closed) {
                endpoints.failed();
            }
        }
    }

    /** Ready addresses of each wanted service's Endpoints; a wanted service without an object has 0. */
    static Map<String, Integer> readyCounts(List<Endpoints> endpoints, Set<String> wanted) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        wanted.forEach(key -> counts.put(key, 0));
        for (Endpoints e : endpoints) {
            String key = GlobalService.key(e.getMetadata().getNamespace(), e.getMetadata().getName());
            if (wanted.contains(key) && e.getSubsets() != null) {
                counts.put(key, e.getSubsets().stream()
                        .map(EndpointSubset::getAddresses)
                        .mapToInt(a -> a == null ? 0 : a.size())
                        .sum());
            }
        }
        return counts;
    }

    /** Stops reading and closes the peer clients (the local client is the fleet's). */
    @Override
    public synchronized void close() {
        closed = true;
        tasks.forEach(t -> t.cancel(true));
        for (Peer peer : peers.values()) {
            peer.reading().cancel(true);
            peer.client().close();
        }
    }
}
