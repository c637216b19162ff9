package io.mch.faults.nemesis;

import static io.mch.faults.nemesis.Network.Outcome.OK;
import static io.mch.faults.nemesis.Network.Outcome.REQUEST_LOST;
import static io.mch.faults.nemesis.Network.Outcome.RESPONSE_LOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mch.faults.Heal;
import io.mch.faults.spec.FaultSpec;
import io.mch.faults.spec.PartitionDirection;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartitionNemesisTest {

    private Network network;
    private PartitionNemesis nemesis;

    @BeforeEach
    void start() throws IOException {
        network = Network.of(List.of("a", "b", "c"), List.of("a>b", "b>a", "a>c"));
        nemesis = new PartitionNemesis(network);
    }

    @AfterEach
    void stop() throws IOException {
        network.close();
    }

    private static FaultSpec.Partition partition(List<String> between, List<String> and, PartitionDirection d) {
        return new FaultSpec.Partition(between, and, d);
    }

    @ParameterizedTest
    @CsvSource({
        "BOTH, REQUEST_LOST,  REQUEST_LOST",
        "TO,   REQUEST_LOST,  RESPONSE_LOST",
        "FROM, RESPONSE_LOST, REQUEST_LOST"
    })
    void dropsWhatTheDirectionSaysAndHealsIt(PartitionDirection direction, Network.Outcome aToB,
            Network.Outcome bToA) throws IOException {
        Heal heal = nemesis.inject(partition(List.of("a"), List.of("b"), direction));

        assertThat(network.probe("a>b")).isEqualTo(aToB);
        assertThat(network.probe("b>a")).isEqualTo(bToA);
        assertThat(network.probe("a>c")).isEqualTo(OK);

        heal.heal();
        heal.heal();
        assertThat(network.probe("a>b")).isEqualTo(OK);
        assertThat(network.probe("b>a")).isEqualTo(OK);
    }

    @Test
    void everyEndpointOfAGroupIsCutOff() throws IOException {
        Heal heal = nemesis.inject(partition(List.of("a"), List.of("b", "c"), PartitionDirection.TO));

        assertThat(network.probe("a>b")).isEqualTo(REQUEST_LOST);
        assertThat(network.probe("a>c")).isEqualTo(REQUEST_LOST);

        heal.heal();
        assertThat(network.probe("a>c")).isEqualTo(OK);
    }

    @Test
    void overlappingPartitionsHealIndependently() throws IOException {
        Heal both = nemesis.inject(partition(List.of("a"), List.of("b"), PartitionDirection.BOTH));
        Heal to = nemesis.inject(partition(List.of("a"), List.of("b"), PartitionDirection.TO));

        both.heal();
        assertThat(network.probe("a>b")).isEqualTo(REQUEST_LOST);
        assertThat(network.probe("b>a")).isEqualTo(RESPONSE_LOST);

        to.heal();
        assertThat(network.probe("a>b")).isEqualTo(OK);
        assertThat(network.probe("b>a")).isEqualTo(OK);
    }

    @Test
    void handlesOnlyPartitions() {
        FaultSpec latency = new FaultSpec.Latency(List.of("a"), List.of("b"), Duration.ofMillis(1), Duration.ZERO);

        assertThat(nemesis.handles(partition(List.of("a"), List.of("b"), PartitionDirection.BOTH))).isTrue();
        assertThat(nemesis.handles(latency)).isFalse();
        assertThatThrownBy(() -> nemesis.inject(latency)).isInstanceOf(IllegalArgumentException.class);
    }
}
