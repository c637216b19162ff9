package io.mch.harness.backend.kubeconfig;

import io.mch.harness.config.Topology;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the kubeconfig backend needs to be told, because an existing cluster cannot be inferred
 * from a topology: where the kubeconfig is, which context each topology cluster is (default: the
 * context named like the cluster), which contexts may suffer destructive faults, and the run id
 * that marks everything the run changes (see {@link Ownership}).
 *
 * @param files kubeconfig files searched in order for a context
 * @param contexts cluster name to context name (the command line's; see {@link #forTopology}); clusters
 *     not listed use their own name
 * @param allowDestructive contexts on which node loss and cluster loss may run
 * @param runId a label value (see {@link Ownership#labelValue})
 */
public record KubeconfigOptions(
        List<Path> files, Map<String, String> contexts, Set<String> allowDestructive, String runId) {

    public KubeconfigOptions {
        files = List.copyOf(files);
        contexts = Map.copyOf(contexts);
        allowDestructive = Set.copyOf(allowDestructive);
        Objects.requireNonNull(runId, "runId");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no kubeconfig file");
        }
    }

    /** The context a topology cluster runs on. */
    public String context(String cluster) {
        return contexts.getOrDefault(cluster, cluster);
    }

    /**
     * These options with the contexts the topology names ({@code context:} on a cluster) filled in;
     * a {@code --context CLUSTER=CONTEXT} on the command line wins over the topology.
     */
    public KubeconfigOptions forTopology(Topology topology) {
        Map<String, String> merged = new HashMap<>();
        topology.clusters().forEach(c -> c.context().ifPresent(context -> merged.put(c.name(), context)));
        merged.putAll(contexts);
        return new KubeconfigOptions(files, merged, allowDestructive, runId);
    }

    /**
     * Where kubectl would look: {@code flag} (--kubeconfig) when given, else every file of
     * {@code $KUBECONFIG} (a path list), else {@code ~/.kube/config}.
     */
    public static List<Path> files(Optional<Path> flag, Map<String, String> env, Path home) {
        if (flag.isPresent()) {
            return List.of(flag.get());
        }
        String variable = env.getOrDefault("KUBECONFIG", "");
        List<Path> listed = Arrays.stream(variable.split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .toList();
        return listed.isEmpty() ? List.of(home.resolve(".kube").resolve("config")) : listed;
    }
}
