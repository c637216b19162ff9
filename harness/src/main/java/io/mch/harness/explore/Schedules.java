package io.mch.harness.explore;

import io.mch.faults.spec.ScheduledFault;
import io.mch.harness.input.Quantities;
import io.mch.harness.fault.registry.FaultTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Small operations on fault schedules shared by the generator, the shrinker and the console. */
final class Schedules {

    private Schedules() {}

    /** The same faults numbered 0..n-1 in list order, as a scenario file would number them. */
    static List<ScheduledFault> renumbered(List<ScheduledFault> faults) {
        List<ScheduledFault> out = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            ScheduledFault f = faults.get(i);
            out.add(new ScheduledFault(i, f.at(), f.duration(), f.spec()));
        }
        return List.copyOf(out);
    }

    /** One line per schedule: {@code [10s+20s node-loss of 1 node(s) in eu-west; ...]}. */
    static String describe(List<ScheduledFault> faults, Duration scenarioLength) {
        return faults.stream()
                .map(f -> Quantities.format(f.at()) + "+" + Quantities.format(f.end(scenarioLength).minus(f.at()))
                        + " " + FaultTypes.BUILT_IN.of(f.spec()).describe())
                .collect(Collectors.joining("; ", "[", "]"));
    }
}
