package io.mch.faults.nemesis;

import io.mch.faults.Heal;
import io.mch.faults.Nemesis;
import io.mch.faults.proxy.Direction;
import io.mch.faults.proxy.Links;
import io.mch.faults.spec.FaultSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * Slows the paths between two groups of endpoints. A latency fault's {@code add} is what a round
 * trip gains, because round trips are what clients and SLOs observe: half of {@code add} is added
 * to each direction (UPSTREAM and DOWNSTREAM) of every link between the groups, both ways round,
 * and half of {@code jitter} likewise. So {@code add: 20ms, jitter: 4ms} raises a request's RTT
 * by 20 ms, give or take up to 4 ms (two independent ±2 ms samples).
 */
public final class LatencyNemesis implements Nemesis {

    private final Links links;

    public LatencyNemesis(Links links) {
        this.links = Objects.requireNonNull(links, "links");
    }

    @Override
    public boolean handles(FaultSpec spec) {
        return spec instanceof FaultSpec.Latency;
    }

    @Override
    public Heal inject(FaultSpec spec) {
        if (!(spec instanceof FaultSpec.Latency latency)) {
            throw new IllegalArgumentException("not a latency fault: " + spec);
        }
        Duration oneWay = latency.add().dividedBy(2);
        Duration jitter = latency.jitter().dividedBy(2);
        return PathFaults.apply(links, latency.between(), latency.and(), (link, outbound, heals) -> {
            for (Direction direction : Direction.values()) {
                heals.add(link.addLatency(direction, oneWay, jitter));
            }
        });
    }
}
