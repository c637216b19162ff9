package io.mch.maven;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code mch:verify} decides before it forks anything: skipping, a project without scenarios,
 * and a scenario filter that selects none. A forked run is only started with a JVM to run it, so
 * an empty classpath here proves none was started (ExampleProjectIT runs real ones).
 */
class VerifyMojoTest {

    @TempDir
    Path project;

    private final VerifyMojo mojo = new VerifyMojo();

    @BeforeEach
    void configure() throws IOException {
        mojo.basedir = project.toFile();
        mojo.scenarioDirectory = project.resolve("src/test/mch").toFile();
        mojo.scenario = "*";
        mojo.reportsDirectory = project.resolve("target/mch").toFile();
        mojo.junitDirectory = project.resolve("target/failsafe-reports").toFile();
        mojo.pluginArtifacts = List.of();
        Files.createDirectories(project.resolve("src/test/mch/topology-fixtures"));
        Files.writeString(project.resolve("src/test/mch/region-partition.yaml"), "name: a\n");
        Files.writeString(project.resolve("src/test/mch/cluster-loss.yml"), "name: b\n");
    }

    @Test
    void aFilterThatSelectsNoScenarioFailsTheBuildNamingTheScenarios() {
        mojo.scenario = "*node-loss*";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("mch.scenario '*node-loss*' matches none of the scenarios in")
                .hasMessageContaining("[cluster-loss.yml, region-partition.yaml]");
    }

    @Test
    void skipRunsNothing() {
        mojo.skip = true;
        mojo.scenario = "*node-loss*";

        assertThatCode(mojo::execute).doesNotThrowAnyException();
    }

    @Test
    void aProjectWithoutScenariosRunsNothing() {
        mojo.scenarioDirectory = project.resolve("src/test/absent").toFile();

        assertThatCode(mojo::execute).doesNotThrowAnyException();
    }
}
