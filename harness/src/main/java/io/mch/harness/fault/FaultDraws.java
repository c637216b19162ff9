package io.mch.harness.fault;

import java.time.Duration;
import java.util.List;

/**
 * What a chaos search's space offers a fault type to draw from ({@link FaultType#draw}). Each draw
 * takes the search's next random numbers, so a type draws exactly what it uses, in a fixed order,
 * and a schedule stays a pure function of the search's seed and its number.
 */
public interface FaultDraws {

    /** Every endpoint but {@code target}: the clients, the load balancer and the other clusters. */
    List<String> others(String target);

    /** An added latency from the space's {@code latency} range. */
    Duration latency();

    /** A count of nodes to lose from the space's {@code nodes} range, capped by the cluster's nodes. */
    int nodes(String cluster);
}
