package io.mch.harness.cli;

import io.mch.harness.backend.kubeconfig.KubeconfigOptions;
import io.mch.harness.backend.kubeconfig.Ownership;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/** The options of {@code run --backend kubeconfig}: which existing clusters, and what may be done to them. */
final class KubeconfigArgs {

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "kubeconfig backend: the kubeconfig file (default: $KUBECONFIG, else ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "CLUSTER=CONTEXT",
            description = "kubeconfig backend: the context of a topology cluster (repeatable; default: the context"
                    + " named like the cluster).")
    Map<String, String> contexts = new LinkedHashMap<>();

    @Option(names = "--allow-destructive", paramLabel = "CONTEXT", split = ",",
            description = "kubeconfig backend: contexts on which node-loss and cluster-loss may run (repeatable or"
                    + " comma-separated; default: none).")
    List<String> allowDestructive = new ArrayList<>();

    /** The options of a run whose directory is {@code runDir} (its name is the run id). */
    KubeconfigOptions options(Path runDir) {
        return new KubeconfigOptions(files(kubeconfig), contexts, Set.copyOf(allowDestructive),
                Ownership.labelValue(runDir.toAbsolutePath().normalize().getFileName().toString()));
    }

    /** Where kubectl would look, given an optional {@code --kubeconfig}. */
    static List<Path> files(Path kubeconfig) {
        return KubeconfigOptions.files(Optional.ofNullable(kubeconfig), System.getenv(),
                Path.of(System.getProperty("user.home")));
    }
}
