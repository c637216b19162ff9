package io.mch.faults.nemesis;

import io.mch.faults.Heal;
import io.mch.faults.Nemesis;
import io.mch.faults.proxy.Direction;
import io.mch.faults.proxy.Links;
import io.mch.faults.spec.FaultSpec;
import io.mch.faults.spec.PartitionDirection;
import java.util.List;
import java.util.Objects;

/**
 * Partitions by blackholing link proxies rather than touching the kernel or containers, so the
 * same partition behaves the same on every backend. On a link whose client side is in
 * {@code between}: {@code TO} drops its requests (UPSTREAM), {@code FROM} the responses it gets
 * (DOWNSTREAM); on a link the other way round, the mirror; {@code BOTH} drops both directions of
 * both. Blackholes are counted per link, so overlapping partitions heal independently.
 */
public final class PartitionNemesis implements Nemesis {

    private final Links links;

    public PartitionNemesis(Links links) {
        this.links = Objects.requireNonNull(links, "links");
    }

    @Override
    public boolean handles(FaultSpec spec) {
        return spec instanceof FaultSpec.Partition;
    }

    @Override
    public Heal inject(FaultSpec spec) {
        if (!(spec instanceof FaultSpec.Partition partition)) {
            throw new IllegalArgumentException("not a partition: " + spec);
        }
        return PathFaults.apply(links, partition.between(), partition.and(), (link, outbound, heals) -> {
            for (Direction direction : dropped(partition.direction(), outbound)) {
                heals.add(link.blackhole(direction));
            }
        });
    }

    private static List<Direction> dropped(PartitionDirection direction, boolean outbound) {
        return switch (direction) {
            case BOTH -> List.of(Direction.UPSTREAM, Direction.DOWNSTREAM);
            case TO -> List.of(outbound ? Direction.UPSTREAM : Direction.DOWNSTREAM);
            case FROM -> List.of(outbound ? Direction.DOWNSTREAM : Direction.UPSTREAM);
        };
    }
}
