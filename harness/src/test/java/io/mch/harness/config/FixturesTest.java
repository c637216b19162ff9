package io.mch.harness.config;

import io.mch.harness.input.Problem;
import static io.mch.harness.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixturesTest {

    @TempDir
    Path dir;

    private Path fixture;

    @BeforeEach
    void fixture() {
        fixture = write(dir, "repo/topology-fixtures/mesh.yaml", "name: mesh\n").toAbsolutePath().normalize();
        write(dir, "repo/topology-fixtures/hub-spoke.yaml", "name: hub-spoke\n");
    }

    @Test
    void tellsFixtureNamesFromPaths() {
        assertThat(Fixtures.isFixtureName("active-passive")).isTrue();
        assertThat(Fixtures.isFixtureName("mine.yaml")).isFalse();
        assertThat(Fixtures.isFixtureName("mine.yml")).isFalse();
        assertThat(Fixtures.isFixtureName("../topologies/mine")).isFalse();
    }

    @Test
    void resolvesABareNameInAGivenDirectory() {
        Path scenario = dir.resolve("elsewhere/s.yaml");

        assertThat(Fixtures.in(dir.resolve("repo/topology-fixtures")).resolve("mesh", scenario)).isEqualTo(fixture);
    }

    @Test
    void findsTheFixturesDirectoryByWalkingUpFromTheMentioningFile() {
        Path scenario = write(dir, "repo/scenarios/deep/s.yaml", "name: s\n");

        assertThat(Fixtures.discover().directoryFor(scenario)).contains(dir.resolve("repo/topology-fixtures"));
        assertThat(Fixtures.discover().resolve("mesh", scenario)).isEqualTo(fixture);
    }

    @Test
    void usesTheSystemPropertyOnlyWhenNoFixturesLieAboveTheFile() {
        Path other = write(dir, "other/mesh.yaml", "name: other\n");
        Path inCheckout = write(dir, "repo/scenarios/s.yaml", "name: s\n");
        Path outside = write(dir, "loose/s.yaml", "name: s\n");
        String previous = System.getProperty(Fixtures.PROPERTY);
        System.setProperty(Fixtures.PROPERTY, dir.resolve("other").toString());
        try {
            assertThat(Fixtures.discover().resolve("mesh", inCheckout)).isEqualTo(fixture);
            assertThat(Fixtures.discover().resolve("mesh", outside)).isEqualTo(other.toAbsolutePath().normalize());
        } finally {
            if (previous == null) {
                System.clearProperty(Fixtures.PROPERTY);
            } else {
                System.setProperty(Fixtures.PROPERTY, previous);
            }
        }
    }

    @Test
    void resolvesPathsRelativeToTheMentioningFile() {
        Path scenario = dir.resolve("repo/scenarios/s.yaml");

        assertThat(Fixtures.discover().resolve("../topology-fixtures/mesh.yaml", scenario)).isEqualTo(fixture);
        assertThatThrownBy(() -> Fixtures.discover().resolve("mesh.yaml", scenario))
                .hasMessage("file not found: " + dir.resolve("repo/scenarios/mesh.yaml").toAbsolutePath().normalize());
    }

    @Test
    void listsTheFixturesWhenANameIsUnknown() {
        Fixtures fixtures = Fixtures.in(dir.resolve("repo/topology-fixtures"));
        Path scenario = dir.resolve("s.yaml");

        assertThatThrownBy(() -> fixtures.resolve("mash", scenario)).hasMessage("no fixture 'mash' in "
                + dir.resolve("repo/topology-fixtures").toAbsolutePath().normalize()
                + "; fixtures are hub-spoke, mesh; did you mean 'mesh'?");
        assertThatThrownBy(() -> fixtures.resolve("Mesh", scenario))
                .hasMessage("'Mesh' is neither a fixture name ([a-z0-9-]+) nor a path ending in .yaml");
    }

    @Test
    void reportsAnUnresolvableTopologyAtTheScenariosTopologyField() {
        Path scenario = write(dir, "repo/scenarios/s.yaml", """
                name: s
                topology: mesj
                duration: 1m
                """);

        assertThat(Validation.validate(scenario)).containsExactly(new Problem(scenario, 2, 11, "topology",
                "no fixture 'mesj' in " + dir.resolve("repo/topology-fixtures").toAbsolutePath().normalize()
                        + "; fixtures are hub-spoke, mesh; did you mean 'mesh'?"));
    }
}
