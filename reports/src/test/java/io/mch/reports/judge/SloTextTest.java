package io.mch.reports.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import org.junit.jupiter.api.Test;

class SloTextTest {

    @Test
    void valuesCarryUnitAndPercentileAndMarginsTheirSign() {
        SloResult failover = new SloResult("failover-time", null, 31250.0, "ms", "max 2m", Verdict.PASS, null);
        SloResult latency = new SloResult("cross-cluster-latency", 99, 79.8, "ms", "max 50ms", Verdict.FAIL, null);
        SloResult availability = new SloResult("availability", null, 99.2, "%", "min 99.9%", Verdict.FAIL, null);
        SloResult unknown = new SloResult("availability", null, null, "%", null, Verdict.UNKNOWN, "no probes");

        assertThat(SloText.value(failover)).isEqualTo("31250 ms");
        assertThat(SloText.margin(failover)).isEqualTo("+88750 ms");
        assertThat(SloText.value(latency)).isEqualTo("79.8 ms (p99)");
        assertThat(SloText.margin(latency)).isEqualTo("-29.8 ms");
        assertThat(SloText.value(availability)).isEqualTo("99.2 %");
        assertThat(SloText.margin(availability)).isEqualTo("-0.7 pp");
        assertThat(SloText.value(unknown)).isEqualTo("—");
        assertThat(SloText.target(unknown)).isEqualTo("—");
        assertThat(SloText.margin(unknown)).isEqualTo("—");
    }
}
