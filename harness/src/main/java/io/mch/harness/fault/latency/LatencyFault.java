package io.mch.harness.fault.latency;

import io.mch.faults.Heal;
import io.mch.faults.nemesis.LatencyNemesis;
import io.mch.faults.spec.FaultSpec.Latency;
import io.mch.harness.fault.FaultDraws;
import io.mch.harness.fault.FaultTargets;
import io.mch.harness.fault.FaultType;
import io.mch.harness.fault.Injectors;
import io.mch.harness.fault.Shrink;
import io.mch.harness.fault.Sides;
import io.mch.harness.input.Cursor;
import io.mch.harness.input.Quantities;
import io.mch.harness.runtime.TimeScale;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code latency: {between, and, add, jitter}}: every round trip between two groups of endpoints
 * gains {@code add}, give or take {@code jitter} (default 0), on the link proxies. Its delays are
 * real time on the wire, so a compressed run shortens them like every other duration. A search
 * draws a cluster slowed towards everything else; a shrink halves {@code add} down to 10 ms.
 */
public final class LatencyFault implements FaultType<Latency> {

    private static final Duration MIN_LATENCY = Duration.ofMillis(10);

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public Class<Latency> specClass() {
        return Latency.class;
    }

    @Override
    public Optional<Latency> bind(Cursor body, FaultTargets targets) {
        return body.fields(List.of("between", "and", "add", "jitter")).flatMap(f -> {
            Optional<Sides> sides = Sides.bind(f, targets);
            Optional<Duration> add = f.required("add", c -> c.positive(c.duration()));
            Optional<Duration> jitter = f.optional("jitter", Cursor::duration, Duration.ZERO);
            if (sides.isEmpty() || add.isEmpty() || jitter.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Latency(sides.get().between(), sides.get().and(), add.get(), jitter.get()));
        });
    }

    @Override
    public String describe(Latency l) {
        return "latency +" + l.add().toMillis() + "ms ±" + l.jitter().toMillis() + "ms between "
                + l.between() + " and " + l.and();
    }

    @Override
    public Sides sides(Latency l) {
        return new Sides(l.between(), l.and());
    }

    @Override
    public Latency wall(Latency l, TimeScale scale) {
        return scale.compressed()
                ? new Latency(l.between(), l.and(), scale.wall(l.add()), scale.wall(l.jitter()))
                : l;
    }

    @Override
    public Latency draw(String target, FaultDraws draws) {
        return new Latency(List.of(target), draws.others(target), draws.latency(), Duration.ZERO);
    }

    @Override
    public List<Shrink<Latency>> shrinks() {
        return List.of(new Shrink<>("latency",
                l -> Optional.of(l.add().dividedBy(2))
                        .filter(half -> half.compareTo(MIN_LATENCY) >= 0)
                        .map(half -> new Latency(l.between(), l.and(), half, l.jitter())),
                l -> Quantities.format(l.add())));
    }

    @Override
    public Map<String, Object> yaml(Latency l) {
        Map<String, Object> body = sides(l).yaml();
        body.put("add", Quantities.format(l.add()));
        body.put("jitter", Quantities.format(l.jitter()));
        return body;
    }

    @Override
    public Optional<String> destroys(Latency l) {
        return Optional.empty();
    }

    @Override
    public Heal inject(Latency l, Injectors injectors) {
        return new LatencyNemesis(injectors.network()).inject(l);
    }
}
