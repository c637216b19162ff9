package io.mch.harness.config;

import io.mch.harness.input.InvalidInputException;
import io.mch.harness.input.Problem;
import static io.mch.harness.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExploreSpecTest {

    @TempDir
    Path dir;

    private Fixtures fixtures;

    @BeforeEach
    void twoClusterFixture() {
        fixtures = TestFiles.twoClusterFixtures(dir);
    }

    @Test
    void bindsTheSectionWithPerTypeTargetsAndDefaults() throws Exception {
        Path file = write(dir, "s.yaml", """
                name: search
                topology: two
                duration: 40s
                explore:
                  faults: [node-loss, { cluster-loss: [us-east] }]
                  max-faults: 3
                  window: { min: 5s, max: 20s }
                """);
        Scenario scenario = ScenarioLoader.load(file, fixtures);

        ExploreSpec spec = ScenarioLoader.explore(file, scenario).orElseThrow();

        assertThat(spec.faultTypes()).isEqualTo(Map.of("node-loss", List.of(), "cluster-loss", List.of("us-east")));
        assertThat(spec.targets("node-loss")).containsExactly("us-east", "eu-west");
        assertThat(spec.targets("cluster-loss")).containsExactly("us-east");
        assertThat(spec.maxFaults()).isEqualTo(3);
        assertThat(spec.window()).isEqualTo(new ExploreSpec.Range<>(Duration.ofSeconds(5), Duration.ofSeconds(20)));
        assertThat(spec.duration()).isEqualTo(new ExploreSpec.Range<>(Duration.ofSeconds(4), Duration.ofSeconds(20)));
        assertThat(spec.nodes()).isEqualTo(new ExploreSpec.Range<>(1, 1));
        assertThat(spec.tries()).isEqualTo(10);
    }

    @Test
    void aScenarioWithoutTheSectionHasNoSearchSpace() throws Exception {
        Path file = write(dir, "s.yaml", "name: plain\ntopology: two\nduration: 10s\n");
        assertThat(ScenarioLoader.explore(file, ScenarioLoader.load(file, fixtures))).isEmpty();
    }

    @Test
    void reportsEveryProblemAtItsPlace() {
        Path file = write(dir, "s.yaml", """
                name: search
                topology: two
                duration: 40s
                explore:
                  faults: [node-los, { cluster-loss: [us-est] }]
                  window: { min: 5s, max: 50s }
                  duration: { min: 10s, max: 5s }
                  max-faults: 0
                  shrink: yes
                """);

        assertThatThrownBy(() -> ScenarioLoader.load(file, fixtures))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new Problem(file, 5, 12, "explore.faults[0]",
                                "'node-los' is not one of partition, latency, node-loss, cluster-loss; did you mean 'node-loss'?"),
                        new Problem(file, 5, 39, "explore.faults[1].cluster-loss[0]",
                                "unknown cluster 'us-est'; clusters are us-east, eu-west; did you mean 'us-east'?"),
                        new Problem(file, 6, 11, "explore.window",
                                "the window ends at 50s, after the scenario ends (duration 40s)"),
                        new Problem(file, 7, 30, "explore.duration.max", "must not be below min (10s)"),
                        new Problem(file, 8, 15, "explore.max-faults", "must be between 1 and 100, found 0"),
                        new Problem(file, 9, 3, "explore.shrink", "unknown field 'shrink'; allowed fields are faults,"
                                + " targets, max-faults, window, duration, nodes, latency, tries")));
    }
}
