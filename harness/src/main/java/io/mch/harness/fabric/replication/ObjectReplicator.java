package io.mch.harness.fabric.replication;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mch.harness.config.ReplicationSpec;
import io.mch.harness.fabric.FabricContext;
import io.mch.harness.runtime.Threads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;

/**
 * Continuous replication of ConfigMaps and Secrets from one cluster to others. The replicator
 * runs in the source cluster (reads it directly, stops while it is lost) and writes each target
 * through the network, so partitions stop it and it catches up after the heal. A copy carries
 * {@code app.kubernetes.io/managed-by=mch} and the source's name; a copy whose source object is
 * gone is deleted. The replicator owns the names it copies: an object of the same name already in
 * a target is replaced. Replication lag is measured with a heartbeat (see {@link HeartbeatLag})
 * that the replicator writes into the source and copies like any other object, and that the
 * harness looks for in each target directly.
 */
final class ObjectReplicator implements AutoCloseable {

    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String REPLICATED_FROM = "mch.io/replicated-from";
    private static final String WRITTEN = "written-ms";
    private static final String COMPONENT = "replication";
    private static final Duration FINEST_POLL = Duration.ofMillis(20);
    private static final Duration COARSEST_POLL = Duration.ofMillis(100);

    private final ReplicationSpec.ObjectReplication spec;
    private final FabricContext ctx;
    private final List<Class<? extends HasMetadata>> kinds;
    private final String heartbeat;
    private final Duration poll;
    private final HeartbeatLag lag;
    private final Map<String, KubernetesClient> targets = new LinkedHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService threads;

    private ObjectReplicator(ReplicationSpec.ObjectReplication spec, FabricContext ctx) {
        this.spec = spec;
        this.ctx = ctx;
        this.kinds = spec.kinds().stream().<Class<? extends HasMetadata>>map(Kinds::replicable).toList();
        this.heartbeat = Manifests.HEARTBEAT_PREFIX + spec.from();
        Duration quarter = spec.interval().dividedBy(4);
        this.poll = quarter.compareTo(FINEST_POLL) < 0 ? FINEST_POLL
                : quarter.compareTo(COARSEST_POLL) > 0 ? COARSEST_POLL : quarter;
        this.lag = new HeartbeatLag(spec.to().size());
    }

    /**
     * Writes the first heartbeat, then replicates every {@code interval} (the first pass at once),
     * beats every half interval, and looks for heartbeats in the targets every 20–100 ms.
     */
    static ObjectReplicator start(ReplicationSpec.ObjectReplication spec, FabricContext ctx) {
        var replicator = new ObjectReplicator(spec, ctx);
        try {
            for (String to : spec.to()) {
                replicator.targets.put(to, ctx.apiClient(spec.from(), to));
            }
            replicator.threads = Executors.newScheduledThreadPool(spec.to().size() + 3,
                    Threads.named("replication-objects"));
            replicator.beat();
            Tasks.every(replicator.threads, spec.interval().dividedBy(2), replicator::beat, replicator::error);
            for (String to : spec.to()) {
                Tasks.every(replicator.threads, spec.interval(), () -> replicator.pass(to), replicator::error);
            }
            Tasks.every(replicator.threads, replicator.poll, replicator::meter, replicator::error);
            return replicator;
        } catch (RuntimeException e) {
            replicator.close();
            throw e;
        }
    }

    /** Whether a {@code replicate} step from {@code from} to {@code to} is one of this replicator's passes. */
    boolean covers(String from, String to) {
        return spec.from().equals(from) && spec.to().contains(to);
    }

    /** A {@code replicate} step: one pass to {@code to} now, retried until it succeeds; measured from the step. */
    void replicateNow(String to, long stepMs) {
        Tasks.retry(threads, spec.interval(), () -> {
            if (!pass(to)) {
                return false;
            }
            ctx.measured("replicate", spec.from() + "->" + to, ctx.clock().ms() - stepMs, Duration.ofMillis(1),
                    "a replication pass of " + String.join(", ", spec.kinds()) + " in " + spec.namespace()
                            + " completed");
            return true;
        }, this::error);
    }

    /** Every target's desired copies: the source's replicated objects as they are now. */
    Map<String, List<HasMetadata>> desired() {
        List<HasMetadata> copies = copies(false);
        Map<String, List<HasMetadata>> desired = new LinkedHashMap<>();
        spec.to().forEach(to -> desired.put(to, copies));
        return desired;
    }

    /** Stamps the heartbeat in the source with the scenario time (not while the source is lost). */
    private void beat() {
        if (Replication.lost(ctx, spec.from())) {
            return;
        }
        long ms = ctx.clock().ms();
        ConfigMap beat = new ConfigMapBuilder()
                .withNewMetadata().withName(heartbeat).withNamespace(spec.namespace()).endMetadata()
                .addToData(WRITTEN, Long.toString(ms))
                .build();
        KubernetesClient source = source();
        lag.writing(ms);
        try {
            Manifests.write(source, beat, source.resource(beat).get());
        } catch (KubernetesClientException e) {
            lag.failed(ms);
            throw e;
        }
    }

    /** One replication pass to {@code to}; false if the source is lost or the target could not be written. */
    private boolean pass(String to) {
        KubernetesClient target = targets.get(to);
        synchronized (target) {
            if (Replication.lost(ctx, spec.from())) {
                return false;
            }
            List<HasMetadata> copies = copies(true);
            try {
                Map<String, HasMetadata> live = new HashMap<>();
                for (var kind : kindsWithHeartbeat()) {
                    for (HasMetadata o : target.resources(kind).inNamespace(spec.namespace())
                            .withLabel(REPLICATED_FROM, spec.from()).list().getItems()) {
                        live.put(key(o), o);
                    }
                }
                for (HasMetadata copy : copies) {
                    HasMetadata existing = live.remove(key(copy));
                    if (existing == null) {
                        Manifests.write(target, copy, target.resource(copy).get());
                    } else if (!Manifests.same(existing, copy)) {
                        Manifests.write(target, copy, existing);
                    }
                }
                for (HasMetadata orphan : live.values()) {
                    target.resource(orphan).delete();
                }
            } catch (KubernetesClientException e) {
                if (failing.add(to)) {
                    ctx.note(COMPONENT, to, "replication " + spec.from() + "->" + to + " failing: " + e.getMessage());
                }
                return false;
            }
            if (failing.remove(to)) {
                ctx.note(COMPONENT, to, "replication " + spec.from() + "->" + to + " caught up");
            }
            return true;
        }
    }

    /** Looks for a newer heartbeat in every target (directly: this is the harness observing, not the fabric). */
    private void meter() {
        for (String to : spec.to()) {
            ConfigMap seen;
            try {
                seen = ctx.fleet().cluster(to).client().configMaps()
                        .inNamespace(spec.namespace()).withName(heartbeat).get();
            } catch (KubernetesClientException e) {
                continue;
            }
            if (seen == null || seen.getData() == null || !seen.getData().containsKey(WRITTEN)) {
                continue;
            }
            long written = Long.parseLong(seen.getData().get(WRITTEN));
            long now = ctx.clock().ms();
            lag.seen(to, written, now).ifPresent(ms -> ctx.measured("replication-lag", spec.from() + "->" + to, ms,
                    poll, "heartbeat stamped t=" + written + " ms seen in " + to + " at t=" + now
                            + " ms; the oldest write it brought waited " + ms + " ms"));
        }
    }

    /**
     * The source's objects of the replicated kinds as copies (and the heartbeat, if asked): what
     * the source itself copied in from elsewhere, and what belongs to the cluster, is not passed on.
     */
    private List<HasMetadata> copies(boolean withHeartbeat) {
        KubernetesClient source = source();
        List<HasMetadata> copies = new ArrayList<>();
        for (var kind : kinds) {
            for (HasMetadata o : source.resources(kind).inNamespace(spec.namespace()).list().getItems()) {
                if (!Manifests.clusterOwned(o) && !labels(o).containsKey(REPLICATED_FROM)) {
                    copies.add(copy(o));
                }
            }
        }
        if (withHeartbeat) {
            ConfigMap beat = source.configMaps().inNamespace(spec.namespace()).withName(heartbeat).get();
            if (beat != null) {
                copies.add(copy(beat));
            }
        }
        return copies;
    }

    private HasMetadata copy(HasMetadata source) {
        HasMetadata copy = Manifests.portableCopy(source);
        Map<String, String> labels = new LinkedHashMap<>(labels(copy));
        labels.put(MANAGED_BY, "mch");
        labels.put(REPLICATED_FROM, spec.from());
        copy.getMetadata().setLabels(labels);
        return copy;
    }

    private List<Class<? extends HasMetadata>> kindsWithHeartbeat() {
        return kinds.contains(ConfigMap.class) ? kinds
                : Stream.concat(kinds.stream(), Stream.of(ConfigMap.class)).toList();
    }

    private KubernetesClient source() {
        return ctx.fleet().cluster(spec.from()).client();
    }

    private static Map<String, String> labels(HasMetadata o) {
        return o.getMetadata().getLabels() == null ? Map.of() : o.getMetadata().getLabels();
    }

    private static String key(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getName();
    }

    private void error(RuntimeException e) {
        ctx.note(COMPONENT, spec.from(), "replication " + spec.from() + "->" + spec.to() + " error: " + e);
    }

    /**
     * Stops the replicator, closes its clients, and removes its heartbeat (an instrument, not
     * configuration) from the source and the targets; copies stay, as the fabric's effect.
     */
    @Override
    public void close() {
        if (threads != null) {
            Threads.stop(threads, Duration.ofSeconds(10));
        }
        Replication.closeAll(new ArrayList<>(targets.values()));
        List<String> clusters = new ArrayList<>(spec.to());
        clusters.add(spec.from());
        for (String cluster : clusters) {
            try {
                ctx.fleet().cluster(cluster).client().configMaps().inNamespace(spec.namespace()).withName(heartbeat)
                        .delete();
            } catch (KubernetesClientException e) {
                // A cluster that cannot be reached keeps the heartbeat; it names itself mch's.
            }
        }
    }
}
