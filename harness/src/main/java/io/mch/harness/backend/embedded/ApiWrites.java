package io.mch.harness.backend.embedded;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * How the simulated controllers write: optimistically, from what they just listed. A write that
 * lost a race is not an error for a level-triggered loop; its next pass sees the new state.
 */
final class ApiWrites {

    private ApiWrites() {}

    /** A stale write (409) or an object deleted in between (404): the next pass handles it. */
    static boolean retryable(KubernetesClientException e) {
        return e.getCode() == 409 || e.getCode() == 404;
    }

    /** Runs one write, leaving a retryable failure to the next pass. */
    static void orNextPass(Runnable write) {
        try {
            write.run();
        } catch (KubernetesClientException e) {
            if (!retryable(e)) {
                throw e;
            }
        }
    }
}
