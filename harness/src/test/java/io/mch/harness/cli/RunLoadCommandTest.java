package io.mch.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A scenario with {@code load:} where Gatling's classpath is not built is refused before anything starts. */
class RunLoadCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    private final String home = System.getProperty("mch.home");

    @AfterEach
    void restoreHome() {
        if (home == null) {
            System.clearProperty("mch.home");
        } else {
            System.setProperty("mch.home", home);
        }
    }

    @Test
    void runWithLoadButNoGatlingClasspathStartsNothingAndExitsTwo() throws Exception {
        System.setProperty("mch.home", dir.toString());
        Files.writeString(dir.resolve("app.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: api, namespace: default }
                spec: { replicas: 1 }
                ---
                apiVersion: v1
                kind: Service
                metadata: { name: api, namespace: default }
                """);
        Files.writeString(dir.resolve("t.yaml"), """
                name: t
                clusters:
                  - { name: us-east, region: r1, role: active }
                fabric:
                  global-load-balancer: { policy: failover, primary: us-east }
                workload: { manifests: [app.yaml], service: api }
                """);
        Path scenario = Files.writeString(dir.resolve("s.yaml"), """
                name: s
                topology: t.yaml
                duration: 10s
                load: { rate: 50/s }
                """);

        assertThat(MchCommand.execute("run", scenario.toString(), "--out", dir.resolve("out").toString())).isEqualTo(2);

        assertThat(streams.err())
                .contains(dir.resolve("scenarios/target/gatling.classpath").toString())
                .contains("mvn -pl harness,scenarios -am package")
                .contains("nothing was run");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
