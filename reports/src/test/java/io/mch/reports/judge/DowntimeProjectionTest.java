package io.mch.reports.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DowntimeProjectionTest {

    @Test
    void targetsReadAsDowntimeAYearOf365Days() {
        assertThat(DowntimeProjection.human(DowntimeProjection.allowedPerYear(99.99))).isEqualTo("52 min 34 s");
        assertThat(DowntimeProjection.human(DowntimeProjection.allowedPerYear(99.9))).isEqualTo("8 h 45 min 36 s");
        assertThat(DowntimeProjection.human(DowntimeProjection.allowedPerYear(99))).isEqualTo("3 d 15 h 36 min");
        assertThat(DowntimeProjection.human(DowntimeProjection.allowedPerYear(100))).isEqualTo("0 s");
    }

    @Test
    void theProjectionIsIncidentsTimesFailoverAndSaysWhetherItFits() {
        DowntimeProjection fits = new DowntimeProjection(4, 31_250, 99.99);
        assertThat(fits.projected()).isEqualTo(Duration.ofSeconds(125));
        assertThat(fits.describe()).endsWith("(within)");

        DowntimeProjection exceeds = new DowntimeProjection(12, 300_000, 99.99);
        assertThat(exceeds.projected()).isEqualTo(Duration.ofHours(1));
        assertThat(exceeds.describe())
                .isEqualTo("projected 12 × 300 s = 1 h of downtime a year; min 99.99% allows 52 min 34 s (exceeded)");
    }

    @Test
    void incidentsAllowedAreWholeFailoversInsideTheYearlyAllowance() {
        assertThat(DowntimeProjection.incidentsAllowed(99.99, 31_200)).isEqualTo(101);
        assertThat(DowntimeProjection.incidentsAllowed(99.9, 2_000)).isEqualTo(15_768);
        assertThat(DowntimeProjection.incidentsAllowed(100, 1_000)).isZero();
    }
}
