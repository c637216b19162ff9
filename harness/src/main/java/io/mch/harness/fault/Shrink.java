package io.mch.harness.fault;

import java.util.Optional;
import java.util.function.Function;

/**
 * One way to make a fault of a type smaller (fewer nodes, less latency), which a shrink repeats
 * while the schedule still breaks its SLO.
 *
 * @param name the step's name in the shrink's log ({@code faults[0] nodes: 3 -> 2})
 * @param smaller the next smaller spec; empty when this step cannot go further
 * @param measure the quantity the step changes, as the log prints it
 */
public record Shrink<S>(String name, Function<S, Optional<S>> smaller, Function<S, String> measure) {}
