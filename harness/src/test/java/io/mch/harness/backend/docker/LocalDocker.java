package io.mch.harness.backend.docker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker engine the Docker-level tests run against, and their image: a busybox root file
 * system imported from Debian's busybox-static by busybox-image.sh, since no registry is reachable
 * here. Tests that need it skip (with the reason) when there is no engine or no busybox.
 */
public final class LocalDocker {

    public static final String BUSYBOX = "mch/busybox:local";

    private LocalDocker() {}

    /** Skips the calling test unless an engine answers and the busybox image exists (built if missing). */
    public static void assumeBusyboxImage() {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine is reachable (start dockerd, or set DOCKER_HOST): Docker-level tests skipped");
        try {
            Path script = Path.of(LocalDocker.class.getResource("busybox-image.sh").toURI());
            Process build = new ProcessBuilder("sh", script.toString(), BUSYBOX).redirectErrorStream(true).start();
            boolean done = build.waitFor(60, TimeUnit.SECONDS);
            String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!done) {
                build.destroyForcibly();
            }
            assumeTrue(done && build.exitValue() == 0,
                    "the test image " + BUSYBOX + " is absent and could not be built from busybox-static"
                            + " (apt-get install busybox-static docker.io): " + output);
        } catch (IOException e) {
            assumeTrue(false, "cannot run busybox-image.sh to build " + BUSYBOX + ": " + e.getMessage());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
