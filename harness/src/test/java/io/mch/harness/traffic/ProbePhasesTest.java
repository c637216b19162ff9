package io.mch.harness.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The loops of a fleet's ordered pairs start together; their first probes are spread over the
 * interval by the run's seed, so they are never all due at one instant, and a seed places them
 * the same way every time.
 */
class ProbePhasesTest {

    @Test
    void aSeedSpreadsTheLoopsOverTheIntervalTheSameWayEveryTime() {
        List<Double> phases = new ArrayList<>();
        int[] tenths = new int[10];
        for (int from = 0; from < 30; from++) {
            for (int to = 0; to < 30; to++) {
                if (from != to) {
                    double phase = Traffic.phase(7, "s" + from, "s" + to);
                    assertThat(phase).isBetween(0.0, 1.0).isEqualTo(Traffic.phase(7, "s" + from, "s" + to));
                    phases.add(phase);
                    tenths[(int) (phase * 10)]++;
                }
            }
        }
        // 870 loops: about 87 in each tenth of the interval, none holding a burst.
        for (int count : tenths) {
            assertThat(count).isBetween(50, 130);
        }
        assertThat(Traffic.phase(8, "s1", "s2")).isNotEqualTo(Traffic.phase(7, "s1", "s2"));
    }
}
