package io.mch.harness.fabric.sync;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mch.harness.config.Step;
import io.mch.harness.config.SyncSpec;
import io.mch.harness.fabric.Fabric;
import io.mch.harness.fabric.FabricContext;
import io.mch.harness.runtime.Threads;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Hub-spoke GitOps as Argo CD (an ApplicationSet with a clusters generator) or Rancher Fleet (a
 * GitRepo with targets) runs it, so a scenario can watch what a partition does to it: the hub
 * reconciles every (application, spoke) pair every reconcile interval plus jitter, only through the
 * network, so a spoke the hub cannot reach keeps its last applied state, reads as Unknown, and
 * converges at the first reconcile after the heal. Policies travel the same way, with self-heal
 * and prune on. The repository is the run's working copy, which scenario commits change. The
 * controller runs on the hub: while the hub is lost, nothing is reconciled.
 *
 * <p>Every status change of a pair is recorded as a {@code SyncStatus} event; {@code sync} and
 * {@code federate} steps are timed from the harness's side and recorded as {@code Measured}.
 */
public final class GitOpsSync implements Fabric {

    /** How long start waits for the first reconcile of every spoke before the run goes on without it. */
    private static final Duration FIRST_ROUND_WAIT = Duration.ofSeconds(30);
    private static final int MAX_THREADS = 8;
    private static final String COMPONENT = "sync";

    private final SyncSpec spec;
    private final FabricContext ctx;
    private final WorkingCopy repository;
    private final List<Source> sources;
    private final ScheduledExecutorService pool;
    private final Lane.Settings settings;
    private final Map<String, Lane> lanes = new ConcurrentSkipListMap<>();
    private final Measurements measurements;
    private boolean closed;

    private GitOpsSync(SyncSpec spec, FabricContext ctx, WorkingCopy repository) {
        this.spec = spec;
        this.ctx = ctx;
        this.repository = repository;
        this.sources = sources(spec, repository);
        int spokes = ctx.topology().clusters().size() - 1;
        this.pool = Executors.newScheduledThreadPool(Math.max(1, Math.min(spokes, MAX_THREADS)), Threads.named("sync"));
        this.settings = new Lane.Settings(ctx, spec.hub(), repository, pool, spec.reconcileInterval(), spec.jitter());
        this.measurements = new Measurements(ctx);
    }

    /**
     * Copies the repository into {@code runDir/repository}, makes every spoke a member (except
     * those a later {@code federate} step joins) and waits for the first reconcile of each, so
     * the run starts from the repository's state (or with the spoke's status saying why not).
     */
    public static GitOpsSync start(SyncSpec spec, FabricContext ctx) throws IOException {
        if (ctx.topology().cluster(spec.hub()).isEmpty()) {
            throw new IllegalArgumentException("sync hub " + spec.hub() + " is not a cluster of the topology; clusters are "
                    + String.join(", ", ctx.topology().clusterNames()));
        }
        var sync = new GitOpsSync(spec, ctx, WorkingCopy.of(spec.repository(), ctx.runDir().resolve("repository")));
        try {
            Set<String> joiningLater = ctx.steps().stream()
                    .map(Step.Scheduled::step)
                    .filter(Step.Federate.class::isInstance)
                    .map(s -> ((Step.Federate) s).cluster())
                    .collect(Collectors.toSet());
            ctx.topology().clusterNames().stream()
                    .filter(c -> !joiningLater.contains(c))
                    .filter(c -> !c.equals(spec.hub()) || sync.sources.stream().anyMatch(s -> s.targets(c, Map.of(), true)))
                    .forEach(sync::join);
            sync.awaitFirstRounds();
            return sync;
        } catch (RuntimeException e) {
            sync.close();
            throw e;
        }
    }

    /**
     * Carries out {@code commit}, {@code sync}, {@code drift} and {@code federate} steps; a
     * {@code sync} or {@code federate} is measured in the background.
     *
     * @throws IllegalArgumentException for a step naming an application, file, kind or cluster
     *     the fabric does not have (validation should have caught it)
     */
    @Override
    public boolean perform(Step.Scheduled scheduled) {
        long startMs = ctx.clock().ms();
        Step step = scheduled.step();
        if (step instanceof Step.Commit commit) {
            commit(commit);
        } else if (step instanceof Step.Sync sync) {
            sync(sync.commit(), startMs);
        } else if (step instanceof Step.Drift drift) {
            drift(drift);
        } else if (step instanceof Step.Federate federate) {
            federate(federate.cluster(), startMs);
        } else {
            return false;
        }
        return true;
    }

    /** For every member spoke, the objects the repository wants there now (applications and policies). */
    @Override
    public Map<String, List<HasMetadata>> desired() {
        Map<String, List<HasMetadata>> desired = new LinkedHashMap<>();
        for (Lane lane : lanes.values()) {
            desired.put(lane.cluster(), lane.pairs().stream()
                    .flatMap(p -> rendered(p.source(), lane.cluster()).stream())
                    .map(Manifest::object)
                    .toList());
        }
        return desired;
    }

    /**
     * Reconciles every pair now instead of at its next interval, as a Git webhook makes Argo CD
     * and Fleet do; a spoke busy reconciling picks it up when it is done.
     */
    public void refresh() {
        lanes.values().forEach(Lane::refresh);
    }

    /** The controller's last status of a pair, empty when the pair does not exist (yet). */
    public Optional<String> status(String application, String cluster) {
        return Optional.ofNullable(lanes.get(cluster))
                .flatMap(l -> l.pairs().stream().filter(p -> p.source().name().equals(application)).findFirst())
                .map(Pair::status);
    }

    /** The spokes the controller delivers to now. */
    public Set<String> members() {
        return Set.copyOf(lanes.keySet());
    }

    /** The working copy of the repository: the desired state as the run's commits left it. */
    public Path workingCopy() {
        return repository.root();
    }

    /** Stops every reconcile and measurement and closes every client it opened. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        lanes.values().forEach(Lane::stop);
        pool.shutdownNow();
        try {
            measurements.close();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lanes.values().forEach(Lane::closeClient);
        }
    }

    private synchronized Lane join(String cluster) {
        if (closed) {
            throw new IllegalStateException("GitOps sync is closed");
        }
        Lane lane = lanes.get(cluster);
        if (lane == null) {
            Map<String, String> labels = ctx.topology().cluster(cluster).orElseThrow().labels();
            List<Pair> pairs = sources.stream()
                    .filter(s -> s.targets(cluster, labels, cluster.equals(spec.hub())))
                    .map(s -> new Pair(s.forCluster(cluster, labels), cluster, ctx.seed()))
                    .toList();
            lane = new Lane(cluster, pairs, settings);
            lanes.put(cluster, lane);
            lane.refresh();
        }
        return lane;
    }

    private void awaitFirstRounds() {
        try {
            CompletableFuture.allOf(lanes.values().stream().map(Lane::firstRound).toArray(CompletableFuture[]::new))
                    .get(FIRST_ROUND_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            ctx.note(COMPONENT, spec.hub(), "the first reconcile of every spoke had not ended after "
                    + FIRST_ROUND_WAIT.toSeconds() + " s; the run goes on");
        } catch (ExecutionException e) {
            throw new IllegalStateException("first reconcile failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the first reconcile", e);
        }
    }

    private void commit(Step.Commit commit) {
        Source source = source(commit.application());
        ctx.note(COMPONENT, spec.hub(), "commit " + repository.commit(source, commit.op(), commit.file(), commit.manifest()));
    }

    /**
     * Commits, then measures until every target has the new state (and, with prune, lost what
     * left). A manual application (no automated sync) is synced now, as Argo CD's Sync does.
     */
    private void sync(Step.Commit commit, long startMs) {
        Source source = source(commit.application());
        Map<String, Pair> targets = new LinkedHashMap<>();
        lanes.values().forEach(l -> l.pairs().stream().filter(p -> p.source().name().equals(source.name()))
                .findFirst().ifPresent(p -> targets.put(l.cluster(), p)));
        Map<String, List<Manifest>> before = new LinkedHashMap<>();
        targets.forEach((cluster, pair) -> before.put(cluster, rendered(pair.source(), cluster)));
        commit(commit);
        Map<String, List<Manifest>> after = new LinkedHashMap<>();
        Map<String, List<Manifest>> gone = new LinkedHashMap<>();
        targets.forEach((cluster, pair) -> {
            List<Manifest> now = rendered(pair.source(), cluster);
            Set<String> kept = now.stream().map(Manifest::key).collect(Collectors.toSet());
            after.put(cluster, now);
            gone.put(cluster, source.prune()
                    ? before.get(cluster).stream().filter(m -> !kept.contains(m.key())).toList()
                    : List.of());
        });
        if (!source.automated()) {
            targets.values().forEach(Pair::requestSync);
            targets.keySet().forEach(c -> lanes.get(c).refresh());
        }
        List<String> names = List.copyOf(targets.keySet());
        measurements.start("sync", source.name(), startMs,
                "revision " + repository.revision() + " on " + (names.isEmpty() ? "no cluster" : String.join(", ", names)),
                () -> names.stream().allMatch(c -> live(c, after.get(c), gone.get(c))));
    }

    /** What the source renders to on the cluster; nothing when it cannot be rendered (the pair says why). */
    private List<Manifest> rendered(Source source, String cluster) {
        try {
            return repository.manifests(source, cluster);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private void drift(Step.Drift drift) {
        KubernetesClient direct = ctx.fleet().cluster(drift.cluster()).client();
        List<Manifest> known = lanes.values().stream()
                .flatMap(l -> l.pairs().stream().flatMap(p -> rendered(p.source(), l.cluster()).stream())).toList();
        ctx.note(COMPONENT, drift.cluster(), HandEdit.apply(direct, drift, known));
    }

    /** Joins the cluster now; measures until every source targeting it is Synced and live there. */
    private void federate(String cluster, long startMs) {
        if (cluster.equals(spec.hub()) || ctx.topology().cluster(cluster).isEmpty()) {
            throw new IllegalArgumentException("federate: " + cluster + " is not a spoke of the topology");
        }
        Lane lane = join(cluster);
        ctx.note(COMPONENT, cluster, "federated: targeted by "
                + (lane.pairs().isEmpty() ? "nothing" : lane.pairs().stream().map(p -> p.source().name()).collect(Collectors.joining(", "))));
        measurements.start("federate", cluster, startMs, lane.pairs().size() + " application(s) and policies",
                () -> lane.pairs().stream().allMatch(p -> Pair.SYNCED.equals(p.status())
                        && live(cluster, rendered(p.source(), cluster), List.of())));
    }

    /** The harness's view, through the cluster's direct client: every wanted object live, every gone one absent. */
    private boolean live(String cluster, List<Manifest> wanted, List<Manifest> gone) {
        KubernetesClient direct = ctx.fleet().cluster(cluster).client();
        return wanted.stream().allMatch(m -> m.matches(m.live(direct))) && gone.stream().allMatch(m -> m.live(direct) == null);
    }

    private Source source(String name) {
        return sources.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no application " + name + "; applications are "
                        + sources.stream().map(Source::name).collect(Collectors.joining(", "))));
    }

    private static List<Source> sources(SyncSpec spec, WorkingCopy repository) {
        List<Source> sources = new ArrayList<>();
        spec.applications().forEach(a -> sources.add(Source.of(a, repository.root())));
        spec.policies().forEach(p -> sources.add(Source.of(p, spec.repository(), repository.root())));
        Set<String> names = new HashSet<>();
        for (Source s : sources) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("two applications or policies are named " + s.name());
            }
        }
        return List.copyOf(sources);
    }
}
