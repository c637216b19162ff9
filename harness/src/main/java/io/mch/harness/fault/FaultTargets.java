package io.mch.harness.fault;

import io.mch.harness.input.Cursor;
import java.util.List;
import java.util.Optional;

/**
 * What a fault item may aim at, as the scenario's topology knows it: the scenario binder gives it
 * to {@link FaultType#bind}, so fault types check names without depending on the topology's model.
 * Each read records its own problem, like {@link Cursor}'s.
 */
public interface FaultTargets {

    /** A non-empty list of endpoints: cluster names, {@code clients} and {@code global-load-balancer}. */
    Optional<List<String>> endpoints(Cursor list);

    /** A cluster of the topology, by name. */
    Optional<String> cluster(Cursor field);

    /** The worker nodes of a cluster that {@link #cluster} returned. */
    int nodes(String cluster);
}
