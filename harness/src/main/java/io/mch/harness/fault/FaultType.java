package io.mch.harness.fault;

import io.mch.faults.Heal;
import io.mch.faults.spec.FaultSpec;
import io.mch.harness.input.Cursor;
import io.mch.harness.runtime.TimeScale;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything mch does with one kind of fault, in one place: how a scenario file writes it, how it
 * reads in the history and the report, how it is compressed with the run's time scale, drawn and
 * shrunk by a chaos search, refused on existing clusters and injected. Every concern is an abstract
 * method, so a new fault type (one package, and one line in
 * {@link io.mch.harness.fault.registry.FaultTypes#BUILT_IN}) is told by the compiler what it must
 * provide, and no caller tests a spec's class.
 *
 * @param <S> the validated data of this fault type
 */
public interface FaultType<S extends FaultSpec> {

    /** The key of a scenario's fault item ({@code partition:}) and the fault's type in {@code run.json}. */
    String name();

    /** The spec records of this type; each spec class belongs to exactly one type. */
    Class<S> specClass();

    /**
     * Reads the body of a fault item (what follows {@code partition:}), checked against the
     * topology through {@code targets}; empty, with each problem recorded on its node, when it is
     * not a fault this type could inject as written.
     */
    Optional<S> bind(Cursor body, FaultTargets targets);

    /** One line for the console, the history and the report ({@code partition [a] <-x-> [b]}). */
    String describe(S spec);

    /** What the fault separates, as {@link io.mch.reports.history.Event.FaultStarted} records it. */
    Sides sides(S spec);

    /** The fault as injected on a run whose scenario time runs {@code scale} times faster than wall time. */
    S wall(S spec, TimeScale scale);

    /** A fault of this type aimed at the cluster {@code target}, drawn from a search's space. */
    S draw(String target, FaultDraws draws);

    /** The ways a shrink makes one fault of this type smaller, tried in this order after its duration and start. */
    List<Shrink<S>> shrinks();

    /** The item's body as a scenario file writes it: {@link #bind} reads it back to an equal spec. */
    Map<String, Object> yaml(S spec);

    /** The cluster this fault takes nodes from or takes away, which existing clusters must allow; empty otherwise. */
    Optional<String> destroys(S spec);

    /** Injects the fault now; the heal undoes exactly it, also when injecting failed half way. */
    Heal inject(S spec, Injectors injectors);
}
