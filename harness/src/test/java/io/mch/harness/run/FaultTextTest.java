package io.mch.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.faults.spec.FaultSpec;
import io.mch.faults.spec.PartitionDirection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultTextTest {

    @Test
    void sidesAreThePartitionsAndLatencysGroupsOrTheLostCluster() {
        var partition = FaultText.sides(new FaultSpec.Partition(List.of("us-east"), List.of("eu-west", "clients"),
                PartitionDirection.BOTH));
        assertThat(partition.between()).containsExactly("us-east");
        assertThat(partition.and()).containsExactly("eu-west", "clients");

        var latency = FaultText.sides(new FaultSpec.Latency(List.of("a"), List.of("b"), Duration.ofMillis(50),
                Duration.ZERO));
        assertThat(latency).isEqualTo(new FaultText.Sides(List.of("a"), List.of("b")));

        assertThat(FaultText.sides(new FaultSpec.NodeLoss("eu-west", 2)))
                .isEqualTo(new FaultText.Sides(List.of("eu-west"), List.of()));
        assertThat(FaultText.sides(new FaultSpec.ClusterLoss("us-east")))
                .isEqualTo(new FaultText.Sides(List.of("us-east"), List.of()));
    }
}
