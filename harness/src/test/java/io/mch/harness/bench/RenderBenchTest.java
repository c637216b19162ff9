package io.mch.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderBenchTest {

    @Test
    void aTenMinuteRunAtOneHundredProbesASecondRendersToAFileUnderFiveMegabytes() {
        RenderBench.Figures figures = RenderBench.measure(1, 1);

        assertThat(figures.globalProbes()).isEqualTo(60_000);
        assertThat(figures.bytes()).isBetween(10_000L, 5_000_000L);
        // A generous bound for a loaded CI machine; docs/performance.md has the measured figure.
        assertThat(figures.medianMs()).isLessThan(20_000);
    }
}
