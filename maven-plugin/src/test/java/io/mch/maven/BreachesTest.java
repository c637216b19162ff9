package io.mch.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The build's failure message names every SLO that did not pass, with what was measured. */
class BreachesTest {

    private static final Path DIR = Path.of("target/mch/s");

    private static RunRecord run(Verdict verdict, List<SloResult> slos, String endReason) {
        return new RunRecord("s", "t", "embedded", 1, verdict, slos, List.of(), Map.of(), "Synced", List.of(), "",
                60_000, 50, "2026-01-01T00:00:00Z", endReason);
    }

    @Test
    void namesEachFailedOrUnknownSlo() {
        List<String> lines = Breaches.of(run(Verdict.FAIL, List.of(
                new SloResult("failover-time", null, 12_500.0, "ms", "max 2m", Verdict.PASS, null),
                new SloResult("availability", null, 97.5, "%", "min 99.9%", Verdict.FAIL, null),
                new SloResult("cross-cluster-latency", 99, null, "ms", "max 50ms", Verdict.UNKNOWN, "no samples")),
                "completed"), DIR);

        assertThat(lines).containsExactly(
                "s: availability FAIL (measured 97.5 %, target min 99.9%); report " + DIR.resolve("report.html"),
                "s: cross-cluster-latency UNKNOWN (measured —, target max 50ms); report " + DIR.resolve("report.html"));
    }

    @Test
    void aPassingRunHasNone() {
        assertThat(Breaches.of(run(Verdict.PASS, List.of(
                new SloResult("availability", null, 100.0, "%", "min 99.9%", Verdict.PASS, null)), "completed"), DIR))
                .isEmpty();
    }

    @Test
    void aRunThatFailedWithoutAFailedSloStillFails() {
        assertThat(Breaches.of(run(Verdict.UNKNOWN, List.of(), "aborted"), DIR))
                .containsExactly("s: verdict UNKNOWN (aborted); report " + DIR.resolve("report.html"));
    }
}
