package io.mch.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/maven-project} built the way a team builds it, against the mch artifacts this
 * build installed into its own repository: {@code mvn verify} runs its scenarios through the plugin
 * and the JUnit extension and writes the reports under its {@code target/}; {@code mvn verify
 * -Pbreach} fails the build and names the breached SLO. The project is copied first, so the
 * checkout's example stays clean.
 */
class ExampleProjectIT {

    private static final Path EXAMPLE = Path.of("../examples/maven-project").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target/it/maven-project").toAbsolutePath();
    private static final long BUILD_MINUTES = 8;

    @BeforeAll
    static void copyTheExample() throws IOException {
        if (Files.exists(WORK)) {
            try (Stream<Path> old = Files.walk(WORK)) {
                old.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        try (Stream<Path> files = Files.walk(EXAMPLE)) {
            files.filter(f -> !EXAMPLE.relativize(f).startsWith("target")).forEach(f -> copy(f, WORK.resolve(EXAMPLE.relativize(f).toString())));
        }
    }

    @Test
    void verifyRunsThePluginAndTheExtensionAndWritesReportsUnderTarget() throws Exception {
        Build build = maven("verify");

        assertThat(build.exit()).as(build.log()).isZero();
        assertThat(build.log()).contains("payments-region-partition: PASS").contains("Tests run: 1, Failures: 0");
        Path target = WORK.resolve("target");
        assertThat(target.resolve("mch/region-partition/run.json")).isRegularFile();
        assertThat(target.resolve("mch/region-partition/report.html")).isRegularFile();
        assertThat(target.resolve("failsafe-reports/TEST-mch.region-partition.xml")).isRegularFile();
        assertThat(target.resolve("mch/cluster-loss/run.json")).isRegularFile();
        assertThat(Files.readString(target.resolve("mch/cluster-loss/run.json"))).contains("\"verdict\" : \"PASS\"");
    }

    @Test
    void theBreachProfileFailsTheBuildNamingTheSlo() throws Exception {
        Build build = maven("verify", "-Pbreach");

        assertThat(build.exit()).as(build.log()).isNotZero();
        assertThat(build.log()).contains("SLO(s) breached")
                .contains("payments-no-downtime: availability FAIL")
                .contains("target min 99.99%");
        assertThat(WORK.resolve("target/failsafe-reports/TEST-mch.no-downtime.xml")).isRegularFile();
    }

    private record Build(int exit, String log) {}

    /** Maven itself, the one running this build, with the build's own repository and this machine's as a source. */
    private static Build maven(String... goals) throws Exception {
        Path settings = WORK.resolveSibling("settings.xml");
        String userRepository = Path.of(System.getProperty("mch.it.userRepository")).toUri().toString();
        Files.writeString(settings, """
                <settings>
                  <profiles><profile><id>this-machine</id>
                    <repositories><repository><id>this-machine</id><url>%1$s</url></repository></repositories>
                    <pluginRepositories><pluginRepository><id>this-machine</id><url>%1$s</url></pluginRepository></pluginRepositories>
                  </profile></profiles>
                  <activeProfiles><activeProfile>this-machine</activeProfile></activeProfiles>
                </settings>
                """.formatted(userRepository));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
                "-B", "-s", settings.toString(), "-Dmaven.repo.local=" + System.getProperty("mch.it.repository")));
        command.addAll(List.of(goals));
        Path log = WORK.resolveSibling(String.join("", goals).replace("-", "") + ".log");
        Process process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(BUILD_MINUTES, TimeUnit.MINUTES)) {
            process.destroy();
            process.waitFor(1, TimeUnit.MINUTES);
            throw new AssertionError("the example's build took over " + BUILD_MINUTES + " minutes; log: " + log);
        }
        return new Build(process.exitValue(), Files.readString(log));
    }

    private static void copy(Path from, Path to) {
        try {
            if (Files.isDirectory(from)) {
                Files.createDirectories(to);
            } else {
                Files.copy(from, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
