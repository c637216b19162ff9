package io.mch.harness.fabric;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.mch.harness.config.Step;
import java.util.List;
import java.util.Map;

/**
 * One part of the multi-cluster control plane under test (GitOps sync, mesh discovery,
 * replication, the global load balancer's drills), running for the length of a run. Like a Jepsen
 * nemesis it owns its own cleanup: closing it stops every thread and client it started and deletes
 * nothing the measurement still needs. It records what it does and sees in the history through
 * its {@link FabricContext}; it judges nothing.
 */
public interface Fabric extends AutoCloseable {

    /**
     * Carries out {@code step} if it is this part's kind of step, without blocking for longer than
     * it takes to start it (a measured action completes in the background and records a
     * {@code Measured} event); returns whether it was this part's.
     */
    default boolean perform(Step.Scheduled step) {
        return false;
    }

    /**
     * What this part has made desired right now, by cluster, for config consistency: the
     * (object, target cluster) pairs whose live spec must equal these objects'. Empty when this
     * part distributes no configuration.
     */
    default Map<String, List<HasMetadata>> desired() {
        return Map.of();
    }

    @Override
    void close();
}
