package io.mch.faults.nemesis;

import io.mch.faults.Heal;
import io.mch.faults.Nemesis;
import io.mch.faults.proxy.Links;
import io.mch.faults.spec.FaultSpec;
import java.util.List;

/** Several nemeses as one, so the runner injects any fault through a single entry point. */
public final class Nemeses implements Nemesis {

    private final List<Nemesis> all;

    public Nemeses(List<? extends Nemesis> all) {
        this.all = List.copyOf(all);
    }

    /** The nemeses that act on the link proxies: partitions and latency. */
    public static Nemeses network(Links links) {
        return new Nemeses(List.of(new PartitionNemesis(links), new LatencyNemesis(links)));
    }

    @Override
    public boolean handles(FaultSpec spec) {
        return all.stream().anyMatch(n -> n.handles(spec));
    }

    /** Injects through the first nemesis that handles the fault. */
    @Override
    public Heal inject(FaultSpec spec) {
        return all.stream()
                .filter(n -> n.handles(spec))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no nemesis handles a " + spec.type() + " fault"))
                .inject(spec);
    }
}
