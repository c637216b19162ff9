package io.mch.reports.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void durationsAreWrittenInTheLargestExactUnitAndParseBack() {
        assertThat(Target.maxDuration(Duration.ofMinutes(2)).text()).isEqualTo("max 2m");
        assertThat(Target.maxDuration(Duration.ofSeconds(90)).text()).isEqualTo("max 90s");
        assertThat(Target.maxDuration(Duration.ofMillis(50)).text()).isEqualTo("max 50ms");
        assertThat(Target.maxDuration(Duration.ofMillis(1500)).text()).isEqualTo("max 1500ms");
        assertThat(Target.maxDuration(Duration.ofHours(1)).text()).isEqualTo("max 1h");
        for (Duration d : new Duration[] {Duration.ofMinutes(2), Duration.ofSeconds(90), Duration.ofMillis(50)}) {
            Target t = Target.maxDuration(d);
            assertThat(Target.parse(t.text())).contains(t);
        }
    }

    @Test
    void percentagesDropATrailingZero() {
        assertThat(Target.minPercent(100.0).text()).isEqualTo("min 100%");
        assertThat(Target.minPercent(99.9).text()).isEqualTo("min 99.9%");
        assertThat(Target.parse("min 99.99%")).contains(Target.minPercent(99.99));
        assertThat(Target.parse("about 5 apples")).isEmpty();
        assertThat(Target.parse(null)).isEmpty();
    }

    @Test
    void boundsIncludeTheirLimitAndMarginsArePositiveInside() {
        Target max = Target.maxDuration(Duration.ofMillis(50));
        assertThat(max.allows(50)).isTrue();
        assertThat(max.allows(50.1)).isFalse();
        assertThat(max.margin(20)).isEqualTo(30);
        Target min = Target.minPercent(99.9);
        assertThat(min.allows(99.9)).isTrue();
        assertThat(min.allows(99.89)).isFalse();
        assertThat(min.margin(99.2)).isNegative();
    }
}
