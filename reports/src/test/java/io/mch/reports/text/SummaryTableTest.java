package io.mch.reports.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.SampleRun;
import io.mch.reports.RunRecords;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.RunRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    @Test
    void oneAlignedRowPerSloThenTheOverallVerdict() {
        String table = SummaryTable.render(SampleRun.record("ap-partition", SampleRun.slos()));
        List<String> lines = table.lines().toList();

        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).matches("SLO +VALUE +TARGET +VERDICT");
        assertThat(lines.get(1)).matches("failover-time +2000 ms +max 2m +PASS");
        assertThat(lines.get(2)).matches("cross-cluster-latency +79\\.8 ms \\(p99\\) +max 50ms +FAIL");
        assertThat(lines.get(3)).matches("config-consistency +— +min 100% +UNKNOWN");
        assertThat(lines.get(4)).matches("availability +80 % +min 99\\.9% +FAIL");
        assertThat(lines.get(5)).isEqualTo("verdict: FAIL (ap-partition: 4 SLOs, 2 failed, 1 unknown)");
        // Columns line up: each column starts at the same offset on every row.
        for (String column : List.of("VALUE", "TARGET", "VERDICT")) {
            int at = lines.get(0).indexOf(column);
            assertThat(lines.subList(1, 5)).allSatisfy(l -> assertThat(l.charAt(at - 1)).isEqualTo(' '))
                    .allSatisfy(l -> assertThat(l.charAt(at)).isNotEqualTo(' '));
        }
    }

    @Test
    void noSloMeansAnUnknownRun() {
        String table = SummaryTable.render(SampleRun.record("nothing", List.of()));
        assertThat(table.lines().toList()).containsExactly(
                "SLO  VALUE  TARGET  VERDICT", "verdict: UNKNOWN (nothing: 0 SLOs, 0 failed, 0 unknown)");
    }

    @Test
    void aCompressedRunStatesItsScaleAndResolution() {
        RunRecord real = SampleRun.record("ap-partition", SampleRun.slos());
        RunRecord fast = RunRecords.of(timeScaled(20), SampleRun.slos(), null, null);

        assertThat(SummaryTable.render(real)).doesNotContain("time scale");
        assertThat(SummaryTable.render(fast)).contains("time scale ×20: durations in scenario time, probe resolution 1000 ms");
    }

    private static History timeScaled(double scale) {
        return new History(List.of(new Event.RunStarted(0, "s", "t", "embedded", 1, 60_000, 1000, 4000, List.of(), scale)));
    }
}
