package io.mch.harness.cli;

import io.mch.harness.backend.Backend;
import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.backend.embedded.SimulatorTimings;
import io.mch.harness.backend.kubeconfig.DestructiveFaults;
import io.mch.harness.backend.kubeconfig.KubeconfigBackend;
import io.mch.harness.backend.kubeconfig.KubeconfigOptions;
import io.mch.harness.config.InvalidInputException;
import io.mch.harness.config.Problem;
import io.mch.harness.config.Scenario;
import io.mch.harness.run.TimeScale;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one place a {@code --backend} name becomes a backend, so that every command accepts the same
 * names and refuses the same way, and the checks a backend needs before anything runs (the
 * kubeconfig backend's safety rule and reachability) happen before a run directory exists.
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
     * @param kubeconfig the kubeconfig backend's options, asked for only when it is chosen; null for a
     *     command that never runs on existing clusters ({@code explore} runs many generated schedules)
     */
    static Backend create(String name, TimeScale scale, Supplier<KubeconfigOptions> kubeconfig) throws Unavailable {
        switch (name) {
            case "embedded":
                return new EmbeddedBackend().withTimings(scale.wall(SimulatorTimings.KUBERNETES));
            case "k3s":
                throw new Unavailable("--backend k3s: the k3s backend is not available in this build");
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
