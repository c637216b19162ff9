package io.mch.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import io.mch.harness.config.Topology;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetScaleBenchTest {

    @Test
    void theWrittenHubAndSpokesScenarioLoadsWithEverySpoke(@TempDir Path dir) throws Exception {
        Path fixtures = Path.of("../topology-fixtures").toAbsolutePath().normalize();

        Scenario scenario = ScenarioLoader.load(FleetScaleBench.write(100, fixtures, dir));

        assertThat(scenario.topology().clusters()).hasSize(100);
        assertThat(scenario.topology().clusters().stream().filter(c -> c.role() == Topology.Role.SPOKE)).hasSize(99);
        assertThat(scenario.faults()).hasSize(1);
    }
}
