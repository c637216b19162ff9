package io.mch.harness.explore;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.harness.config.ExploreSpec;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A written finding is portable and repeatable: the same seed writes the same file, the file names
 * its topology by fixture name or relative path (never an absolute one), and it replays on another
 * checkout with that checkout's fixtures.
 */
class ScenarioWriterTest {

    private static final Path FIXTURES = Path.of("../topology-fixtures").toAbsolutePath().normalize();

    @Test
    void theSameSeedWritesTheSameScheduleAndAnotherSeedAnother(@TempDir Path dir) throws Exception {
        Scenario scenario = ScenarioLoader.load(GeneratorTest.WEAK_STANDBY);
        ExploreSpec space = ScenarioLoader.explore(GeneratorTest.WEAK_STANDBY, scenario).orElseThrow();

        String first = write(scenario, space, 1, dir.resolve("a.yaml"));
        String again = write(scenario, space, 1, dir.resolve("b.yaml"));
        String other = write(scenario, space, 2, dir.resolve("c.yaml"));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aFixtureIsNamedByItsNameAndReplaysOnAnotherCheckout(@TempDir Path dir) throws Exception {
        Scenario scenario = ScenarioLoader.load(GeneratorTest.WEAK_STANDBY);
        ExploreSpec space = ScenarioLoader.explore(GeneratorTest.WEAK_STANDBY, scenario).orElseThrow();
        Path written = dir.resolve("here/found.yaml");
        String text = write(scenario, space, 3, written);

        assertThat(text).contains("topology: active-passive-weak-standby\n")
                .doesNotContain(FIXTURES.toString()).doesNotContain(dir.toString());

        Path checkout = dir.resolve("other-checkout");
        copy(FIXTURES.resolve("active-passive-weak-standby.yaml"), checkout.resolve("topology-fixtures"));
        copy(FIXTURES.resolve("workloads"), checkout.resolve("topology-fixtures"));
        Path moved = checkout.resolve("findings/found.yaml");
        Files.createDirectories(moved.getParent());
        Files.copy(written, moved);

        Scenario replayed = ScenarioLoader.load(moved);
        assertThat(replayed.topology().file()).startsWith(checkout);
        assertThat(replayed.faults()).isEqualTo(new Generator(scenario, space, 3).schedule(0));
    }

    @Test
    void aTopologyGivenByPathIsNamedRelativeToTheWrittenFile(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("project");
        copy(FIXTURES.resolve("active-passive-weak-standby.yaml"), project.resolve("topologies"));
        copy(FIXTURES.resolve("workloads"), project.resolve("topologies"));
        Path source = project.resolve("chaos/weak.yaml");
        Files.createDirectories(source.getParent());
        Files.writeString(source, Files.readString(GeneratorTest.WEAK_STANDBY)
                .replace("topology: active-passive-weak-standby", "topology: ../topologies/active-passive-weak-standby.yaml"));
        Scenario scenario = ScenarioLoader.load(source);
        ExploreSpec space = ScenarioLoader.explore(source, scenario).orElseThrow();

        String text = write(scenario, space, 4, project.resolve("findings/found.yaml"));

        assertThat(text).contains("topology: ../topologies/active-passive-weak-standby.yaml\n").doesNotContain(dir.toString());
        Path moved = dir.resolve("moved");
        copyTree(project, moved);
        assertThat(ScenarioLoader.load(moved.resolve("findings/found.yaml")).topology().file())
                .isEqualTo(moved.resolve("topologies/active-passive-weak-standby.yaml"));
    }

    private static String write(Scenario scenario, ExploreSpec space, long seed, Path file) throws Exception {
        ScenarioWriter.write(scenario, "found", new Generator(scenario, space, seed).schedule(0), seed,
                List.of("found by a test"), file);
        return Files.readString(file);
    }

    /** Copies {@code source} (a file or a tree) into {@code intoDir}. */
    private static void copy(Path source, Path intoDir) throws Exception {
        copyTree(source, intoDir.resolve(source.getFileName().toString()));
    }

    private static void copyTree(Path source, Path target) throws Exception {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : paths.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(p, to);
                }
            }
        }
    }
}
