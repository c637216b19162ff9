package io.mch.harness.load;

import io.mch.harness.config.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the forked Gatling JVM gets its classes: the scenarios module's build writes its runtime
 * classpath (Gatling, not the harness) to {@code scenarios/target/gatling.classpath}, and the
 * simulation is in {@code scenarios/target/classes}. The harness never has Gatling on its own
 * classpath, since Gatling's Netty clashes with fabric8's. The checkout is {@code -Dmch.home}
 * (set by {@code ./mch} and the scenario suite), else the first folder above the current one that
 * has {@code scenarios/pom.xml}.
 */
public final class GatlingClasspath {

    static final String BUILD_COMMAND = "mvn -pl harness,scenarios -am package -DskipTests -DskipITs";

    private GatlingClasspath() {}

    public static Path home() {
        String home = System.getProperty("mch.home");
        if (home != null) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scenarios/pom.xml"))) {
                return dir;
            }
        }
        return cwd;
    }

    public static Path file(Path home) {
        return home.resolve("scenarios/target/gatling.classpath");
    }

    /** Why a scenario with {@code load:} cannot run here, if it cannot; empty for one without. */
    public static Optional<String> problem(Scenario scenario, Path home) {
        if (scenario.load().isEmpty() || Files.isRegularFile(file(home))) {
            return Optional.empty();
        }
        return Optional.of("load: needs Gatling's classpath file " + file(home) + ", which is not built; build it in "
                + home + " with: " + BUILD_COMMAND + " (./mch does this on first use)");
    }

    /** The simulation's classes, then Gatling's jars. */
    static String read(Path home) throws IOException {
        Path file = file(home);
        if (!Files.isRegularFile(file)) {
            throw new IOException("load: no " + file + "; build it with: " + BUILD_COMMAND);
        }
        return home.resolve("scenarios/target/classes") + java.io.File.pathSeparator + Files.readString(file).strip();
    }
}
