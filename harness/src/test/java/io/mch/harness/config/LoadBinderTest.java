package io.mch.harness.config;

import io.mch.harness.input.Problem;
import static io.mch.harness.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadBinderTest {

    @TempDir
    Path dir;

    private Fixtures fixtures;

    @BeforeEach
    void fixtures() {
        write(dir, "topology-fixtures/two.yaml", TestFiles.TWO_CLUSTERS);
        write(dir, "topology-fixtures/balanced.yaml", TestFiles.TWO_CLUSTERS.replace("name: two", "name: balanced")
                + "fabric:\n  global-load-balancer: { policy: failover, primary: us-east }\n");
        write(dir, "topology-fixtures/app.yaml", TestFiles.API_SERVER_MANIFEST);
        fixtures = Fixtures.in(dir.resolve("topology-fixtures"));
    }

    private Path scenario(String load) {
        return write(dir, "s.yaml", """
                name: loaded
                topology: balanced
                duration: 60s
                """ + load);
    }

    @Test
    void noLoadSectionMeansNoLoad() throws Exception {
        assertThat(ScenarioLoader.load(scenario(""), fixtures).load()).isEmpty();
    }

    @Test
    void constantRateDefaultsToTheRestOfTheScenario() throws Exception {
        Scenario scenario = ScenarioLoader.load(scenario("load: { rate: 100/s, at: 10s }\n"), fixtures);

        assertThat(scenario.load()).contains(new Scenario.Load(100, 100, Duration.ofSeconds(10), Duration.ofSeconds(50)));
        assertThat(scenario.load().orElseThrow().ramp()).isFalse();
    }

    @Test
    void rampWithDurationStartsAtZeroByDefault() throws Exception {
        Scenario scenario = ScenarioLoader.load(
                scenario("load:\n  ramp: { from: 10/s, to: 600/m }\n  duration: 20s\n"), fixtures);

        assertThat(scenario.load()).contains(new Scenario.Load(10, 10, Duration.ZERO, Duration.ofSeconds(20)));
        Scenario rising = ScenarioLoader.load(scenario("load: { ramp: { from: 10/s, to: 200/s } }\n"), fixtures);
        assertThat(rising.load()).contains(new Scenario.Load(10, 200, Duration.ZERO, Duration.ofSeconds(60)));
        assertThat(rising.load().orElseThrow().ramp()).isTrue();
    }

    @Test
    void reportsAMissingOrDoubleProfile() {
        Path none = scenario("load: { duration: 5s }\n");
        assertThat(Validation.validate(none, fixtures)).containsExactly(new Problem(none, 4, 7, "load",
                "no load profile; give rate (e.g. 100/s) or ramp (e.g. { from: 10/s, to: 200/s })"));
        Path both = scenario("load: { rate: 5/s, ramp: { from: 1/s, to: 2/s } }\n");
        assertThat(Validation.validate(both, fixtures)).containsExactly(
                new Problem(both, 4, 7, "load", "give either rate or ramp, not both"));
    }

    @Test
    void reportsBadValuesAtTheirPosition() {
        Path file = scenario("""
                load:
                  ramp: { from: 10/x, tu: 5/s }
                  at: 60s
                  duration: 0s
                  rat: 5/s
                """);

        assertThat(Validation.validate(file, fixtures)).containsExactly(
                new Problem(file, 5, 9, "load.ramp.to", "required"),
                new Problem(file, 5, 17, "load.ramp.from",
                        "malformed rate '10/x'; expected a number per s, m or h, e.g. 50/s or 600/m"),
                new Problem(file, 5, 23, "load.ramp.tu", "unknown field 'tu'; allowed fields are from, to;"
                        + " did you mean 'to'?"),
                new Problem(file, 6, 7, "load.at", "60s is not before the end of the scenario (duration 60s)"),
                new Problem(file, 7, 13, "load.duration", "must be above zero"),
                new Problem(file, 8, 3, "load.rat", "unknown field 'rat'; allowed fields are rate, ramp, at, duration;"
                        + " did you mean 'rate'?"));
    }

    @Test
    void reportsALoadThatOutlastsTheScenario() {
        Path file = scenario("load: { rate: 5/s, at: 50s, duration: 11s }\n");

        assertThat(Validation.validate(file, fixtures)).containsExactly(new Problem(file, 4, 39, "load.duration",
                "the load would end at 61s, after the scenario ends (duration 60s); shorten it,"
                        + " or omit 'duration' to load until the end"));
    }

    @Test
    void needsAGlobalLoadBalancer() {
        Path file = write(dir, "s.yaml", "name: x\ntopology: two\nduration: 10s\nload: { rate: 5/s }\n");

        assertThat(Validation.validate(file, fixtures)).containsExactly(new Problem(file, 4, 7, "load",
                "load goes through the global endpoint, but topology 'two' has no fabric.global-load-balancer"));
    }
}
