/**
 * Fault types: each kind of fault mch injects lives in its own sub-package ({@code partition},
 * {@code latency}, {@code nodeloss}, {@code clusterloss}) as one {@link io.mch.harness.fault.FaultType},
 * which binds, describes, scales, draws, shrinks, writes, checks and injects it. This package holds
 * what the types share and what they are given ({@link io.mch.harness.fault.FaultTargets} by the
 * scenario binder, {@link io.mch.harness.fault.FaultDraws} by a chaos search,
 * {@link io.mch.harness.fault.Injectors} by a run); {@code registry} lists the types.
 *
 * <p>To add a fault type: a new sub-package with its {@code FaultType} (and its spec record, a
 * {@link io.mch.faults.spec.FaultSpec}, unless the faults module already injects it), and one line in
 * {@link io.mch.harness.fault.registry.FaultTypes#BUILT_IN}. The layers stay acyclic: the types read
 * YAML through {@code io.mch.harness.input}, never through {@code config}, which depends on them.
 */
package io.mch.harness.fault;
