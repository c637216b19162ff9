package io.mch.harness.backend;

import io.mch.harness.input.InvalidInputException;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.Topology;
import io.mch.harness.runtime.RunContext;

/**
 * How clusters come to exist. Only cluster lifecycle differs per backend; fabric, traffic and
 * measurement code is shared and talks to clusters through {@link Cluster}.
 */
public interface Backend {

    /** {@code embedded}, {@code k3s} or {@code kubeconfig}. */
    String name();

    /**
     * What must hold before {@code scenario} runs here, checked before a run directory exists and
     * without starting anything: a scenario this backend must refuse is bad input (exit 2), a
     * missing engine, image or cluster makes the backend unavailable (exit 2, nothing run).
     */
    default void preflight(Scenario scenario) throws InvalidInputException, BackendUnavailableException {}

    /**
     * Brings up every cluster of {@code topology} (durations already in wall time, see
     * {@link Topology#wall}), with its nodes but no workload yet. The backend takes its own timers'
     * compression and its random seed from {@code run}, so no caller has to remember them; node
     * status changes go to the run's history, startup lines to its console. On failure, whatever
     * was already started is stopped before the exception leaves.
     */
    Fleet start(Topology topology, RunContext run) throws Exception;
}
