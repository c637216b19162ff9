package io.mch.harness.cli;

import io.mch.harness.backend.Backend;
import io.mch.harness.backend.BackendUnavailableException;
import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.backend.k3s.K3sBackend;
import io.mch.harness.backend.k3s.K3sOptions;
import io.mch.harness.backend.kubeconfig.KubeconfigBackend;
import io.mch.harness.backend.kubeconfig.KubeconfigOptions;
import io.mch.harness.runtime.TimeScale;
import java.util.function.Supplier;

/**
 * The one place a {@code --backend} name becomes a backend, so that every command accepts the same
 * names and refuses the same way (the checks a backend needs before anything runs are its own
 * {@link Backend#preflight}).
 */
final class Backends {

    private Backends() {}

    /**
     * The named backend; {@code scale} is refused where the backend runs in real time.
     *
     * @param k3sImage the k3s image to use instead of the pinned default, or null
     * @param kubeconfig the kubeconfig backend's options, asked for only when it is chosen; null for a
     *     command that never runs on existing clusters ({@code explore} runs many generated schedules)
     */
    static Backend create(String name, TimeScale scale, String k3sImage, Supplier<KubeconfigOptions> kubeconfig)
            throws BackendUnavailableException {
        switch (name) {
            case "embedded":
                return new EmbeddedBackend();
            case "k3s":
                if (scale.compressed()) {
                    throw new BackendUnavailableException("--backend k3s: real Kubernetes runs in real time; --time-scale needs the"
                            + " embedded backend");
                }
                K3sOptions options = K3sOptions.fromSystemProperties();
                return new K3sBackend(k3sImage == null ? options : options.withImage(k3sImage));
            case "kubeconfig":
                if (kubeconfig == null) {
                    throw new BackendUnavailableException("--backend kubeconfig: only 'mch run' runs on existing clusters, one"
                            + " reviewed scenario at a time");
                }
                if (scale.compressed()) {
                    throw new BackendUnavailableException("--backend kubeconfig: existing clusters run in real time; --time-scale"
                            + " needs the embedded backend");
                }
                return new KubeconfigBackend(kubeconfig.get());
            default:
                throw new BackendUnavailableException("--backend " + name + ": unknown backend; choose embedded, k3s or kubeconfig");
        }
    }
}
