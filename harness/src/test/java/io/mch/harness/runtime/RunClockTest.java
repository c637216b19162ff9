package io.mch.harness.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What waits for a run's zero begins at it, in order, and never before it. */
class RunClockTest {

    @Test
    void actionsWaitingForTheZeroRunAtItInTheOrderTheyCame() {
        RunClock clock = RunClock.unstarted(new TimeScale(20));
        List<String> ran = new ArrayList<>();
        long[] seen = {-1};
        clock.whenStarted(() -> ran.add("until"));
        clock.whenStarted(() -> {
            seen[0] = clock.ms();
            ran.add("probes");
        });
        assertThat(ran).isEmpty();
        assertThat(clock.ms()).isZero();

        clock.start();

        assertThat(ran).containsExactly("until", "probes");
        assertThat(seen[0]).as("scenario ms when the probes began (×20)").isBetween(0L, 1_000L);
        clock.whenStarted(() -> ran.add("late"));
        assertThat(ran).containsExactly("until", "probes", "late");
        clock.start();
        assertThat(ran).hasSize(3);
    }

    @Test
    void anActionRegisteredByAnotherAtTheZeroRunsToo() {
        RunClock clock = RunClock.unstarted(TimeScale.REAL);
        List<String> ran = new ArrayList<>();
        clock.whenStarted(() -> clock.whenStarted(() -> ran.add("nested")));
        clock.start();
        assertThat(ran).containsExactly("nested");
    }

    @Test
    void deadlinesAreCountedFromTheZeroNotFromWhenTheyWereAskedFor() throws Exception {
        RunClock clock = RunClock.unstarted(new TimeScale(10));
        long[] deadline = new long[1];
        clock.whenStarted(() -> deadline[0] = clock.nanoTimeAt(Duration.ofSeconds(10)));
        long before = System.nanoTime();
        clock.start();
        long after = System.nanoTime();
        // 10 s of scenario time at ×10 is 1 s of wall time after the zero, which lies between before and after.
        assertThat(deadline[0]).isBetween(before + 1_000_000_000L, after + 1_000_000_000L);
    }
}
