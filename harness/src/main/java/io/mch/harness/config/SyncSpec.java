package io.mch.harness.config;

import io.mch.harness.runtime.TimeScale;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Hub-spoke GitOps sync, as Argo CD (ApplicationSet with a clusters generator) or Rancher Fleet
 * (GitRepo with targets) does it: the hub holds the desired state (a directory of manifests, the
 * "repository") and reconciles every (application, target cluster) pair through the network every
 * {@code reconcileInterval} (plus up to {@code jitter}). A spoke the hub cannot reach keeps its
 * last applied state and reads as Unknown; it converges at the first reconcile after the heal.
 *
 * <p>Durations are scenario time in a loaded topology and wall time once scaled (see
 * {@code Topology#wall(TimeScale)}).
 *
 * @param hub the cluster that runs the GitOps controller
 * @param repository the repository's root directory (the fixture's copy; a run works on its own copy)
 * @param applications every application read from the ApplicationSet / GitRepo files
 * @param policies manifests distributed from the hub to every spoke, as one more application
 */
public record SyncSpec(
        String hub,
        Path repository,
        List<Application> applications,
        Duration reconcileInterval,
        Duration jitter,
        List<Policy> policies) {

    public SyncSpec {
        applications = List.copyOf(applications);
        policies = List.copyOf(policies);
    }

    /** Argo CD: 120 s reconciliation timeout plus up to 60 s jitter. */
    public static final Duration ARGO_RECONCILE = Duration.ofSeconds(120);
    public static final Duration ARGO_JITTER = Duration.ofSeconds(60);
    /** Fleet's default GitRepo polling interval. */
    public static final Duration FLEET_POLL = Duration.ofSeconds(15);

    /**
     * One application: the manifests under {@code paths} (directories or files, relative to the
     * repository) applied into {@code namespace} on every cluster whose labels match
     * {@code selector} (an empty selector matches every spoke).
     *
     * @param kind {@code ApplicationSet} or {@code GitRepo}
     * @param file the file the application was read from
     * @param selfHeal revert drift on the spoke at the next reconcile
     * @param prune delete live objects whose manifest left the repository
     */
    public record Application(
            String name,
            String kind,
            Path file,
            Map<String, String> selector,
            List<String> paths,
            String namespace,
            boolean selfHeal,
            boolean prune) {

        public Application {
            selector = Map.copyOf(selector);
            paths = List.copyOf(paths);
        }
    }

    /**
     * Policies (NetworkPolicy, ResourceQuota, LimitRange or any manifest) the hub distributes to
     * every spoke matching {@code selector}, reconciled like an application named {@code name}
     * with self-heal and prune on.
     */
    public record Policy(String name, List<Path> manifests, Map<String, String> selector) {
        public Policy {
            manifests = List.copyOf(manifests);
            selector = Map.copyOf(selector);
        }
    }

    /** This spec with its timers in wall time. */
    public SyncSpec wall(TimeScale scale) {
        return new SyncSpec(hub, repository, applications, scale.wall(reconcileInterval), scale.wall(jitter), policies);
    }
}
