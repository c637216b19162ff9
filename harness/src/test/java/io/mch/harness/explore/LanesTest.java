package io.mch.harness.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Lanes close one by one while runs decide nothing and reopen after a row of decisive ones. */
class LanesTest {

    @Test
    void runsThatDecideNothingCloseLanesDownToOneAndDecisiveRowsReopenThem() {
        Lanes lanes = new Lanes(3);
        lanes.counted(false);
        assertThat(lanes.open()).isEqualTo(2);
        lanes.counted(false);
        lanes.counted(false);
        assertThat(lanes.open()).isEqualTo(1);
        assertThat(lanes.fewest()).isEqualTo(1);

        lanes.counted(true); // a row of 1 at 1 lane open
        assertThat(lanes.open()).isEqualTo(2);
        lanes.counted(true);
        assertThat(lanes.open()).as("a row of 2 is needed at 2 lanes").isEqualTo(2);
        lanes.counted(true);
        assertThat(lanes.open()).isEqualTo(3);
        lanes.counted(true);
        lanes.counted(true);
        lanes.counted(true);
        assertThat(lanes.open()).as("never more than asked for").isEqualTo(3);
        assertThat(lanes.fewest()).isEqualTo(1);
    }

    @Test
    void aSlowStartOpensTheLanesOneByOneAsRunsDecide() {
        Lanes lanes = new Lanes(3).slowStart();
        assertThat(lanes.open()).isEqualTo(1);
        lanes.counted(true);
        assertThat(lanes.open()).isEqualTo(2);
        lanes.counted(true);
        lanes.counted(true);
        assertThat(lanes.open()).isEqualTo(3);
        assertThat(lanes.fewest()).as("no run decided nothing").isEqualTo(3);
    }

    @Test
    void noMoreRunsGoAtOnceThanLanesAreOpen() throws Exception {
        Lanes lanes = new Lanes(3);
        lanes.counted(false);
        lanes.counted(false); // one lane open
        lanes.enter();
        AtomicBoolean secondIn = new AtomicBoolean();
        Thread second = new Thread(() -> {
            try {
                lanes.enter();
                secondIn.set(true);
                lanes.leave();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        second.start();
        try {
            await("the second run waiting").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> !secondIn.get());
            lanes.leave();
            await("the second run in the freed lane").atMost(Duration.ofSeconds(5)).untilTrue(secondIn);
        } finally {
            second.interrupt();
            second.join();
        }
    }
}
