package io.mch.harness.fault.partition;

import io.mch.faults.Heal;
import io.mch.faults.nemesis.PartitionNemesis;
import io.mch.faults.spec.FaultSpec.Partition;
import io.mch.faults.spec.PartitionDirection;
import io.mch.harness.fault.FaultDraws;
import io.mch.harness.fault.FaultTargets;
import io.mch.harness.fault.FaultType;
import io.mch.harness.fault.Injectors;
import io.mch.harness.fault.Shrink;
import io.mch.harness.fault.Sides;
import io.mch.harness.input.Cursor;
import io.mch.harness.runtime.TimeScale;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code partition: {between, and, direction}}: traffic between two groups of endpoints is
 * blackholed on the link proxies, both ways unless {@code direction} says {@code to} or {@code from}.
 * A search draws a cluster cut off from everything else, both ways; nothing in it shrinks.
 */
public final class PartitionFault implements FaultType<Partition> {

    @Override
    public String name() {
        return "partition";
    }

    @Override
    public Class<Partition> specClass() {
        return Partition.class;
    }

    @Override
    public Optional<Partition> bind(Cursor body, FaultTargets targets) {
        return body.fields(List.of("between", "and", "direction")).flatMap(f -> {
            Optional<Sides> sides = Sides.bind(f, targets);
            Optional<PartitionDirection> direction =
                    f.optional("direction", c -> c.choice(PartitionDirection.class), PartitionDirection.BOTH);
            if (sides.isEmpty() || direction.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Partition(sides.get().between(), sides.get().and(), direction.get()));
        });
    }

    @Override
    public String describe(Partition p) {
        return "partition " + p.between() + " " + arrow(p.direction()) + " " + p.and();
    }

    private static String arrow(PartitionDirection direction) {
        return switch (direction) {
            case BOTH -> "<-x->";
            case TO -> "-x->";
            case FROM -> "<-x-";
        };
    }

    @Override
    public Sides sides(Partition p) {
        return new Sides(p.between(), p.and());
    }

    /** A partition has no duration of its own to compress. */
    @Override
    public Partition wall(Partition p, TimeScale scale) {
        return p;
    }

    @Override
    public Partition draw(String target, FaultDraws draws) {
        return new Partition(List.of(target), draws.others(target), PartitionDirection.BOTH);
    }

    @Override
    public List<Shrink<Partition>> shrinks() {
        return List.of();
    }

    @Override
    public Map<String, Object> yaml(Partition p) {
        Map<String, Object> body = sides(p).yaml();
        body.put("direction", p.direction().name().toLowerCase());
        return body;
    }

    @Override
    public Optional<String> destroys(Partition p) {
        return Optional.empty();
    }

    @Override
    public Heal inject(Partition p, Injectors injectors) {
        return new PartitionNemesis(injectors.network()).inject(p);
    }
}
