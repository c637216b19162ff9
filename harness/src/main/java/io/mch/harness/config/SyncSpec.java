package io.mch.harness.config;

import io.mch.harness.runtime.TimeScale;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** Stands for the target cluster's name in a Helm release name (Argo CD's {@code {{name}}}). */
    public static final String CLUSTER_NAME = "{{name}}";

    /** Argo CD: 120 s reconciliation timeout plus up to 60 s jitter. */
    public static final Duration ARGO_RECONCILE = Duration.ofSeconds(120);
    public static final Duration ARGO_JITTER = Duration.ofSeconds(60);
    /** Fleet's default GitRepo polling interval. */
    public static final Duration FLEET_POLL = Duration.ofSeconds(15);

    /**
     * One application as the controller generates it: what its paths hold, rendered as the
     * controller renders them (see {@link Rendering}), applied into {@code namespace} on every
     * cluster {@link Targets} chooses.
     *
     * @param kind {@code ApplicationSet} or {@code GitRepo}
     * @param file the file the application was read from
     * @param paths directories relative to the repository
     * @param forceNamespace Fleet's {@code targetNamespace}: every namespaced object goes to
     *     {@code namespace} and a cluster-scoped one fails the deployment
     * @param selfHeal revert drift on the spoke at the next reconcile
     * @param prune delete live objects whose manifest left the repository
     * @param automated sync without being asked (Argo CD's {@code syncPolicy.automated}; Fleet always)
     * @param interval the application's own poll interval (Fleet's {@code pollingInterval}); empty:
     *     the topology's {@code reconcile-interval} and {@code jitter}
     */
    public record Application(
            String name,
            String kind,
            Path file,
            Targets targets,
            List<String> paths,
            String namespace,
            boolean forceNamespace,
            boolean selfHeal,
            boolean prune,
            boolean automated,
            Optional<Duration> interval,
            Rendering rendering) {

        public Application {
            paths = List.copyOf(paths);
        }

        /** An automated application of plain manifests on the spokes {@code selector} matches. */
        public Application(String name, String kind, Path file, Map<String, String> selector, List<String> paths,
                String namespace, boolean selfHeal, boolean prune) {
            this(name, kind, file, new Targets(List.of(LabelSelector.labels(selector)), false), paths, namespace,
                    false, selfHeal, prune, true, Optional.empty(), Rendering.DIRECTORY);
        }

        Application wall(TimeScale scale) {
            return new Application(name, kind, file, targets, paths, namespace, forceNamespace, selfHeal, prune,
                    automated, interval.map(scale::wall), rendering);
        }
    }

    /**
     * The clusters an application lands on: every spoke one of {@code selectors} matches (Fleet's
     * union of targets; one selector for Argo CD's clusters generator), and the hub itself when
     * {@code hub} (Argo CD's in-cluster destination, which a clusters generator without selector
     * includes).
     *
     * @param names spokes chosen by name (Fleet's {@code clusterName} targets)
     * @param parameters per cluster, the parameters a list generator's element gives its template
     *     (the cluster's own name and labels are not among them)
     */
    public record Targets(List<LabelSelector> selectors, List<String> names, boolean hub,
            Map<String, Map<String, String>> parameters) {
        public Targets {
            selectors = List.copyOf(selectors);
            names = List.copyOf(names);
            parameters = Map.copyOf(parameters);
        }

        public Targets(List<LabelSelector> selectors, List<String> names, boolean hub) {
            this(selectors, names, hub, Map.of());
        }

        public Targets(List<LabelSelector> selectors, boolean hub) {
            this(selectors, List.of(), hub);
        }

        /** Whether the spoke {@code cluster} with {@code labels} is targeted. */
        public boolean spoke(String cluster, Map<String, String> labels) {
            return names.contains(cluster) || selectors.stream().anyMatch(s -> s.matches(labels));
        }
    }

    /**
     * How a path is rendered, beyond what its files decide (a {@code kustomization.yaml} is built
     * by kustomize, a {@code Chart.yaml} by Helm, a {@code fleet.yaml} makes a Fleet bundle).
     *
     * @param recurse Argo CD's {@code directory.recurse} (Fleet always reads subdirectories)
     * @param include Argo CD's {@code directory.include} glob, empty for every file
     * @param exclude Argo CD's {@code directory.exclude} glob, empty for none
     * @param helm Argo CD's {@code source.helm}, for a path holding a chart
     */
    public record Rendering(boolean recurse, Optional<String> include, Optional<String> exclude, Optional<Helm> helm) {
        /** Argo CD's default: the path's own files only. */
        public static final Rendering DIRECTORY = new Rendering(false, Optional.empty(), Optional.empty(), Optional.empty());
        /** Fleet's raw YAML: every file below the path. */
        public static final Rendering RECURSIVE = new Rendering(true, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Argo CD's {@code source.helm}: the release name (default: the generated Application's name,
     * a template where {@code {{name}}} or {@code {{.name}}} is the cluster's name), values files
     * relative to the chart, inline values (YAML text) and parameters ({@code --set}), applied in
     * Argo CD's order: files, then values, then parameters.
     */
    public record Helm(String releaseName, List<String> valueFiles, Optional<String> values, Map<String, String> parameters) {
        public Helm {
            valueFiles = List.copyOf(valueFiles);
            parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
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
        return new SyncSpec(hub, repository, applications.stream().map(a -> a.wall(scale)).toList(),
                scale.wall(reconcileInterval), scale.wall(jitter), policies);
    }
}
