package io.mch.harness.cli;

import io.mch.harness.backend.Backend;
import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.backend.embedded.SimulatorTimings;
import io.mch.harness.backend.kubeconfig.DestructiveFaults;
import io.mch.harness.backend.k3s.K3sBackend;
import io.mch.harness.backend.k3s.K3sOptions;
import io.mch.harness.backend.k3s.K3sUnavailableException;
import io.mch.harness.backend.kubeconfig.KubeconfigBackend;
import io.mch.harness.backend.kubeconfig.KubeconfigOptions;
import io.mch.harness.input.InvalidInputException;
import io.mch.harness.input.Problem;
import io.mch.harness.config.Scenario;
import io.mch.harness.runtime.TimeScale;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one place a {@code --backend} name becomes a backend, so that every command accepts the same
 * names and refuses the same way, and the checks a backend needs before anything runs (Docker and
 * the image for k3s; the kubeconfig backend's safety rule and reachability) happen before a run
 * directory exists.
 */
final class Backends {

    /** Why the chosen backend cannot run this; the command prints it and runs nothing. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private Backends() {}

    /**
     * The named backend, its timers compressed by {@code scale} where it can be compressed.
     *
     * @param k3sImage the k3s image to use instead of the pinned default, or null
     * @param kubeconfig the kubeconfig backend's options, asked for only when it is chosen; null for a
     *     command that never runs on existing clusters ({@code explore} runs many generated schedules)
     */
    static Backend create(String name, TimeScale scale, String k3sImage, Supplier<KubeconfigOptions> kubeconfig)
            throws Unavailable {
        switch (name) {
            case "embedded":
                return new EmbeddedBackend().withTimings(SimulatorTimings.KUBERNETES.wall(scale));
            case "k3s":
                if (scale.compressed()) {
                    throw new Unavailable("--backend k3s: real Kubernetes runs in real time; --time-scale needs the"
                            + " embedded backend");
                }
                K3sOptions options = K3sOptions.fromSystemProperties();
                return new K3sBackend(k3sImage == null ? options : options.withImage(k3sImage));
            case "kubeconfig":
                if (kubeconfig == null) {
                    throw new Unavailable("--backend kubeconfig: only 'mch run' runs on existing clusters, one"
                            + " reviewed scenario at a time");
                }
                if (scale.compressed()) {
                    throw new Unavailable("--backend kubeconfig: existing clusters run in real time; --time-scale"
                            + " needs the embedded backend");
                }
                return new KubeconfigBackend(kubeconfig.get());
            default:
                throw new Unavailable("--backend " + name + ": unknown backend; choose embedded, k3s or kubeconfig");
        }
    }

    /**
     * What must hold before {@code scenario} runs on {@code backend}: on existing clusters, every
     * destructive fault is allowed (checked on the file alone, contacting nothing), then every
     * context exists and answers.
     */
    static void check(Backend backend, Scenario scenario) throws InvalidInputException, Unavailable {
        if (backend instanceof K3sBackend k3s) {
            try {
                k3s.preflight();
            } catch (K3sUnavailableException e) {
                throw new Unavailable(e.getMessage());
            }
        }
        if (!(backend instanceof KubeconfigBackend kubeconfig)) {
            return;
        }
        List<Problem> refused = DestructiveFaults.refused(scenario, kubeconfig.options());
        if (!refused.isEmpty()) {
            throw new InvalidInputException(refused);
        }
        try {
            kubeconfig.requireReachable(scenario.topology());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new Unavailable(e.getMessage());
        }
    }
}
