package io.mch.faults.proxy;

import io.mch.faults.Heal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The toxics of one link, kept apart from the sockets so that every connection (old and new) reads
 * the same current state, and so the delay arithmetic can be checked without timing anything.
 */
final class Toxics {

    /** A one-way delay of {@code mean} ± {@code jitter} (uniform). */
    private record Delay(long meanNanos, long jitterNanos) {
        static Delay of(Duration mean, Duration jitter) {
            requireNonNegative(mean, "delay");
            requireNonNegative(jitter, "jitter");
            return new Delay(mean.toNanos(), jitter.toNanos());
        }
    }

    private final Random random;
    private volatile Delay base = new Delay(0, 0);
    private final Map<Direction, List<Delay>> added = new EnumMap<>(Direction.class);
    private final Map<Direction, AtomicInteger> blackholes = new EnumMap<>(Direction.class);

    Toxics(long seed) {
        random = new Random(seed);
        for (Direction d : Direction.values()) {
            added.put(d, new CopyOnWriteArrayList<>());
            blackholes.put(d, new AtomicInteger());
        }
    }

    void base(Duration oneWay, Duration jitter) {
        base = Delay.of(oneWay, jitter);
    }

    Heal add(Direction direction, Duration add, Duration jitter) {
        Delay delay = Delay.of(add, jitter);
        List<Delay> list = added.get(Objects.requireNonNull(direction, "direction"));
        list.add(delay);
        return Heal.once(() -> list.removeIf(d -> d == delay));
    }

    Heal blackhole(Direction direction) {
        AtomicInteger count = blackholes.get(Objects.requireNonNull(direction, "direction"));
        count.incrementAndGet();
        return Heal.once(count::decrementAndGet);
    }

    boolean blackholed(Direction direction) {
        return blackholes.get(direction).get() > 0;
    }

    /** A fresh sample of the total one-way delay in that direction; never negative. */
    long delayNanos(Direction direction) {
        long total = sample(base);
        for (Delay d : added.get(direction)) {
            total += sample(d);
        }
        return Math.max(0, total);
    }

    private long sample(Delay d) {
        if (d.jitterNanos() == 0) {
            return d.meanNanos();
        }
        double unit;
        synchronized (random) {
            unit = random.nextDouble() * 2 - 1;
        }
        return d.meanNanos() + Math.round(unit * d.jitterNanos());
    }

    private static void requireNonNegative(Duration value, String what) {
        if (Objects.requireNonNull(value, what).isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + value);
        }
    }
}
