package io.mch.harness.backend.embedded;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * The pods as one pass of the simulated controllers sees them: listed once and shared by the
 * pass's controllers, listed again after one of them wrote a pod, so each controller still sees
 * what the one before it did. A controller manager's controllers share one informer cache the same
 * way. Listing the pods once instead of four times a pass matters under time compression: at ×20
 * a pass runs every 50 ms in every cluster, and those lists were most of the embedded API servers'
 * work (docs/performance.md).
 */
final class PassPods {

    private final KubernetesClient client;
    private List<Pod> listed;

    PassPods(KubernetesClient client) {
        this.client = client;
    }

    List<Pod> list() {
        if (listed == null) {
            listed = client.pods().inAnyNamespace().list().getItems();
        }
        return listed;
    }

    /** A controller of this pass wrote (or tried to write) a pod: the next one lists them anew. */
    void changed() {
        listed = null;
    }
}
