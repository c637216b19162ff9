package io.mch.faults.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mch.faults.Heal;
import java.time.Duration;
import java.util.LongSummaryStatistics;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ToxicsTest {

    private static final long MS = 1_000_000;

    private static LongSummaryStatistics samples(Toxics toxics, Direction direction) {
        return LongStream.range(0, 2_000).map(i -> toxics.delayNanos(direction)).summaryStatistics();
    }

    @Test
    void jitterSpreadsUniformlyAroundTheMean() {
        Toxics toxics = new Toxics(7);
        toxics.base(Duration.ofMillis(30), Duration.ofMillis(10));

        LongSummaryStatistics stats = samples(toxics, Direction.UPSTREAM);

        assertThat(stats.getMin()).isBetween(20 * MS, 22 * MS);
        assertThat(stats.getMax()).isBetween(38 * MS, 40 * MS);
        assertThat(stats.getAverage()).isBetween(29.0 * MS, 31.0 * MS);
    }

    @Test
    void aDelayIsNeverNegative() {
        Toxics toxics = new Toxics(7);
        toxics.base(Duration.ofMillis(2), Duration.ofMillis(10));

        LongSummaryStatistics stats = samples(toxics, Direction.DOWNSTREAM);

        assertThat(stats.getMin()).isZero();
        assertThat(stats.getMax()).isGreaterThan(10 * MS);
    }

    @Test
    void theSameSeedGivesTheSameDelays() {
        Toxics a = new Toxics(42);
        Toxics b = new Toxics(42);
        Toxics c = new Toxics(43);
        for (Toxics t : new Toxics[] {a, b, c}) {
            t.base(Duration.ofMillis(30), Duration.ofMillis(10));
        }

        long[] first = LongStream.range(0, 50).map(i -> a.delayNanos(Direction.UPSTREAM)).toArray();
        long[] second = LongStream.range(0, 50).map(i -> b.delayNanos(Direction.UPSTREAM)).toArray();
        long[] other = LongStream.range(0, 50).map(i -> c.delayNanos(Direction.UPSTREAM)).toArray();

        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void addedDelaysStackInTheirDirectionOnlyAndHealOnce() {
        Toxics toxics = new Toxics(1);
        toxics.base(Duration.ofMillis(5), Duration.ZERO);
        Heal first = toxics.add(Direction.UPSTREAM, Duration.ofMillis(10), Duration.ZERO);
        Heal second = toxics.add(Direction.UPSTREAM, Duration.ofMillis(10), Duration.ZERO);

        assertThat(toxics.delayNanos(Direction.UPSTREAM)).isEqualTo(25 * MS);
        assertThat(toxics.delayNanos(Direction.DOWNSTREAM)).isEqualTo(5 * MS);

        first.heal();
        first.heal();
        assertThat(toxics.delayNanos(Direction.UPSTREAM)).isEqualTo(15 * MS);

        second.heal();
        assertThat(toxics.delayNanos(Direction.UPSTREAM)).isEqualTo(5 * MS);
    }

    @Test
    void blackholesAreCountedPerDirection() {
        Toxics toxics = new Toxics(1);
        Heal first = toxics.blackhole(Direction.DOWNSTREAM);
        Heal second = toxics.blackhole(Direction.DOWNSTREAM);

        assertThat(toxics.blackholed(Direction.DOWNSTREAM)).isTrue();
        assertThat(toxics.blackholed(Direction.UPSTREAM)).isFalse();
        first.heal();
        first.heal();
        assertThat(toxics.blackholed(Direction.DOWNSTREAM)).isTrue();
        second.heal();
        assertThat(toxics.blackholed(Direction.DOWNSTREAM)).isFalse();
    }

    @Test
    void negativeDelaysAreRejected() {
        Toxics toxics = new Toxics(1);
        assertThatThrownBy(() -> toxics.base(Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> toxics.add(Direction.UPSTREAM, Duration.ZERO, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(toxics.delayNanos(Direction.UPSTREAM)).isZero();
    }
}
