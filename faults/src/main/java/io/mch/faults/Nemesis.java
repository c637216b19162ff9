package io.mch.faults;

import io.mch.faults.spec.FaultSpec;

/** Injects one kind of fault (Jepsen's nemesis); the returned heal undoes exactly that fault. */
public interface Nemesis {

    /** Whether this nemesis knows how to inject the given fault. */
    boolean handles(FaultSpec spec);

    /** Injects the fault now; never returns without a heal for what it already changed. */
    Heal inject(FaultSpec spec);
}
