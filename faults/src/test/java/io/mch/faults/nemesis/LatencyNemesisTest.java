package io.mch.faults.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.faults.Heal;
import io.mch.faults.spec.FaultSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LatencyNemesisTest {

    private Network network;

    @BeforeEach
    void start() throws IOException {
        network = Network.of(List.of("a", "b", "c"), List.of("a>b", "b>a", "a>c"));
    }

    @AfterEach
    void stop() throws IOException {
        network.close();
    }

    @Test
    void raisesTheRoundTripOfEveryPathBetweenTheGroupsByAddAndHeals() throws IOException {
        Heal heal = new LatencyNemesis(network)
                .inject(new FaultSpec.Latency(List.of("a"), List.of("b"), Duration.ofMillis(40), Duration.ZERO));

        assertThat(network.medianRoundTripMillis("a>b")).isBetween(35.0, 70.0);
        assertThat(network.medianRoundTripMillis("b>a")).isBetween(35.0, 70.0);
        assertThat(network.medianRoundTripMillis("a>c")).isLessThan(15);

        heal.heal();
        assertThat(network.medianRoundTripMillis("a>b")).isLessThan(15);
        assertThat(network.medianRoundTripMillis("b>a")).isLessThan(15);
    }
}
