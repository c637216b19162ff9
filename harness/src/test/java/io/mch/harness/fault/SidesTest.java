package io.mch.harness.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.faults.spec.FaultSpec;
import io.mch.faults.spec.PartitionDirection;
import io.mch.harness.fault.registry.FaultTypes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SidesTest {

    @Test
    void sidesAreThePartitionsAndLatencysGroupsOrTheLostCluster() {
        var partition = FaultTypes.BUILT_IN.of(new FaultSpec.Partition(List.of("us-east"), List.of("eu-west", "clients"),
                PartitionDirection.BOTH)).sides();
        assertThat(partition.between()).containsExactly("us-east");
        assertThat(partition.and()).containsExactly("eu-west", "clients");

        var latency = FaultTypes.BUILT_IN.of(new FaultSpec.Latency(List.of("a"), List.of("b"), Duration.ofMillis(50),
                Duration.ZERO)).sides();
        assertThat(latency).isEqualTo(new Sides(List.of("a"), List.of("b")));

        assertThat(FaultTypes.BUILT_IN.of(new FaultSpec.NodeLoss("eu-west", 2)).sides())
                .isEqualTo(new Sides(List.of("eu-west"), List.of()));
        assertThat(FaultTypes.BUILT_IN.of(new FaultSpec.ClusterLoss("us-east")).sides())
                .isEqualTo(new Sides(List.of("us-east"), List.of()));
    }
}
