package io.mch.harness.fabric.replication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeartbeatLagTest {

    @Test
    void aHeartbeatThatArrivesReportsTheWaitOfTheOldestWriteItBrings() {
        var lag = new HeartbeatLag(1);
        lag.writing(0);
        assertThat(lag.seen("b", 0, 150)).hasValue(150);
        assertThat(lag.seen("b", 0, 400)).isEmpty();

        for (long t = 500; t <= 5000; t += 500) {
            lag.writing(t);
        }
        // A partition held back every write from 500 on; after the heal, 5000 arrives at 5200.
        assertThat(lag.seen("b", 5000, 5200)).hasValue(4700);
    }

    @Test
    void aFailedWriteIsNotCountedAndEachTargetHasItsOwnLag() {
        var lag = new HeartbeatLag(2);
        lag.writing(0);
        lag.writing(100);
        lag.failed(100);
        lag.writing(200);
        assertThat(lag.seen("b", 0, 50)).hasValue(50);
        assertThat(lag.seen("b", 200, 260)).hasValue(60);
        assertThat(lag.seen("c", 200, 900)).hasValue(900);
        lag.writing(300);
        assertThat(lag.seen("c", 300, 330)).hasValue(30);
    }

    @Test
    void anOlderHeartbeatSeenAgainIsNoNews() {
        var lag = new HeartbeatLag(1);
        lag.writing(100);
        lag.writing(200);
        assertThat(lag.seen("b", 200, 250)).hasValue(150);
        assertThat(lag.seen("b", 100, 300)).isEmpty();
    }
}
