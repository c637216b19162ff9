package io.mch.harness.backend.k3s;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.model.Image;
import io.mch.harness.backend.docker.LocalDocker;
import io.mch.harness.backend.embedded.K3sStandIn;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;

/**
 * The k3s stand-in image (a test double that looks like {@code rancher/k3s} from outside; see
 * {@link K3sStandIn}), built locally by k3s-stand-in-image.sh from the JDK running the tests and the
 * test class path, since no registry is reachable here. Tagged by a digest of the class path, so
 * a change to the code builds it again; older stand-in images are removed. It verifies mch's side
 * of the k3s backend, not k3s's behaviour.
 */
final class K3sStandInImage {

    static final String REPOSITORY = "mch/k3s-stand-in";
    private static final String LABEL = "io.mch.stand-in";

    private K3sStandInImage() {}

    /** The image's name, built if missing; skips the calling test only where no engine or busybox exists. */
    static String ensure() {
        LocalDocker.assumeBusyboxImage();
        String classpath = System.getProperty("java.class.path");
        String image = REPOSITORY + ":" + digest(classpath);
        try {
            Path script = Path.of(K3sStandInImage.class.getResource("k3s-stand-in-image.sh").toURI());
            // The base image changes with the JDK and with the script that builds it.
            String base = REPOSITORY + "-base:jdk-" + Runtime.version().toString().replace('+', '_') + "-"
                    + digest(script.toString());
            Process build = new ProcessBuilder("sh", script.toString(), image, classpath,
                    System.getProperty("java.home"), K3sStandIn.class.getName(), base)
                    .redirectErrorStream(true).start();
            boolean done = build.waitFor(10, TimeUnit.MINUTES);
            String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!done) {
                build.destroyForcibly();
            }
            assumeTrue(done && build.exitValue() != 3, "busybox-static is not installed: " + output);
            if (build.exitValue() != 0) {
                throw new IllegalStateException("the k3s stand-in image could not be built: " + output);
            }
            DockerClient docker = DockerClientFactory.instance().client();
            removeOlder(docker, "k3s", image);
            removeOlder(docker, "k3s-base", base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return image;
    }

    /** Removes the stand-in images of an older build ({@code kind}: k3s or k3s-base) but {@code current}. */
    private static void removeOlder(DockerClient docker, String kind, String current) {
        for (Image old : docker.listImagesCmd().withLabelFilter(Map.of(LABEL, kind)).exec()) {
            boolean isCurrent = old.getRepoTags() != null && List.of(old.getRepoTags()).contains(current);
            if (!isCurrent) {
                try {
                    docker.removeImageCmd(old.getId()).withForce(true).exec();
                } catch (ConflictException e) {
                    // Still used by a container (another test run): left for the next build.
                }
            }
        }
    }

    /** Names, sizes and modification times of everything on a class path (or of one file). */
    private static String digest(String classpath) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String entry : classpath.split(File.pathSeparator)) {
                Path path = Path.of(entry);
                if (!Files.exists(path)) {
                    continue;
                }
                try (Stream<Path> files = Files.isDirectory(path) ? Files.walk(path) : Stream.of(path)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        sha.update((file + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis() + "\n")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
