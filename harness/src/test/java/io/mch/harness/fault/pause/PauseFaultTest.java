package io.mch.harness.fault.pause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mch.faults.spec.ScheduledFault;
import io.mch.harness.config.ExploreSpec;
import io.mch.harness.config.Fixtures;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import io.mch.harness.explore.Generator;
import io.mch.harness.fault.Sides;
import io.mch.harness.fault.pause.PauseFault.Pause;
import io.mch.harness.fault.registry.FaultTypes;
import io.mch.harness.input.InvalidInputException;
import io.mch.harness.runtime.TimeScale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** A fault type added in one package goes through binding, text, scaling, search and writing. */
class PauseFaultTest {

    private static final FaultTypes TYPES = FaultTypes.BUILT_IN.with(new PauseFault());
    private static final Path ACTIVE_PASSIVE =
            Path.of("../topology-fixtures/active-passive.yaml").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void bindsFromAScenarioFileAndRefusesWhatItCannotInject() throws Exception {
        Scenario scenario = load("pause: { cluster: us-east, stall: 2s }");
        assertThat(scenario.faults()).singleElement()
                .satisfies(f -> assertThat(f.spec()).isEqualTo(new Pause("us-east", Duration.ofSeconds(2))));

        assertThat(problems(TYPES, "pause: { cluster: us-wst, stall: 0s }")).containsExactly(
                "faults[0].pause.cluster: unknown cluster 'us-wst'; clusters are us-east, eu-west; did you mean 'us-east'?",
                "faults[0].pause.stall: must be above zero");
        assertThat(problems(TYPES, "partition: { between: [us-east], and: [eu-west] }\n    pause: { cluster: us-east, stall: 1s }"))
                .containsExactly("faults[0]: more than one fault type (partition, pause); give each its own list item");
        assertThat(problems(FaultTypes.BUILT_IN, "pause: { cluster: us-east, stall: 2s }")).containsExactly(
                "faults[0]: no fault type; give exactly one of partition, latency, node-loss, cluster-loss",
                "faults[0].pause: unknown field 'pause'; allowed fields are at, for, partition, latency, node-loss,"
                        + " cluster-loss");
    }

    @Test
    void describesScalesShrinksAndWritesItself() throws Exception {
        Pause pause = new Pause("us-east", Duration.ofSeconds(2));
        var fault = TYPES.of(pause);

        assertThat(fault.describe()).isEqualTo("pause of us-east for 2s");
        assertThat(fault.sides()).isEqualTo(Sides.of("us-east"));
        assertThat(fault.destroys()).isEmpty();
        assertThat(fault.wall(new TimeScale(20))).isEqualTo(new Pause("us-east", Duration.ofMillis(100)));
        assertThat(fault.shrinkSteps()).containsExactly("stall");
        assertThat(fault.smaller("stall")).hasValue(new Pause("us-east", Duration.ofSeconds(1)));
        assertThat(fault.measure("stall")).isEqualTo("2s");

        String body = new Yaml().dump(Map.of("pause", fault.yaml())).strip().replace("\n", "\n    ");
        assertThat(load(body).faults()).singleElement().satisfies(f -> assertThat(f.spec()).isEqualTo(pause));
    }

    @Test
    void isDrawnByASearchAndRefusedByTheNemesis() throws Exception {
        Scenario scenario = load("pause: { cluster: us-east, stall: 2s }");
        ExploreSpec space = new ExploreSpec(Map.of("pause", List.of()), List.of("us-east", "eu-west"), 2,
                new ExploreSpec.Range<>(Duration.ZERO, Duration.ofSeconds(20)),
                new ExploreSpec.Range<>(Duration.ofSeconds(1), Duration.ofSeconds(5)),
                new ExploreSpec.Range<>(1, 1),
                new ExploreSpec.Range<>(Duration.ofMillis(50), Duration.ofMillis(500)), 10);
        Generator generator = new Generator(scenario, space, 7, TYPES);

        for (int n = 0; n < 20; n++) {
            List<ScheduledFault> schedule = generator.schedule(n);
            assertThat(schedule).isNotEmpty().allSatisfy(f -> assertThat(f.spec()).isInstanceOfSatisfying(Pause.class, p -> {
                assertThat(p.cluster()).isIn("us-east", "eu-west");
                assertThat(p.stall()).isBetween(Duration.ofMillis(50), Duration.ofMillis(500));
            }));
            assertThat(generator.schedule(n)).isEqualTo(schedule);
        }

        var nemesis = TYPES.nemesis(null, null);
        Pause pause = new Pause("us-east", Duration.ofSeconds(2));
        assertThat(nemesis.handles(pause)).isTrue();
        assertThat(FaultTypes.BUILT_IN.nemesis(null, null).handles(pause)).isFalse();
        assertThatThrownBy(() -> nemesis.inject(pause))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("pause is a test-only fault type");
    }

    private Scenario load(String fault) throws Exception {
        return ScenarioLoader.load(write(fault), Fixtures.discover(), TYPES);
    }

    private List<String> problems(FaultTypes types, String fault) throws IOException {
        Path file = write(fault);
        try {
            ScenarioLoader.load(file, Fixtures.discover(), types);
            throw new AssertionError("loaded: " + fault);
        } catch (InvalidInputException e) {
            return e.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
        }
    }

    private Path write(String fault) throws IOException {
        return Files.writeString(dir.resolve("pause.yaml"), String.join("\n",
                "name: pause",
                "topology: " + ACTIVE_PASSIVE,
                "duration: 30s",
                "faults:",
                "  - at: 1s",
                "    " + fault,
                ""));
    }
}
