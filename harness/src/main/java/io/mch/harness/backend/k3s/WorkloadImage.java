package io.mch.harness.backend.k3s;

import com.github.dockerjava.api.DockerClient;
import io.mch.harness.backend.BackendListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Side-loads the workload's image: k3s imports every tarball in
 * {@code /var/lib/rancher/k3s/agent/images} at start, so a node can run the workload without a
 * registry when the local engine has the image. Exported once per run to a temp file the fleet
 * deletes.
 */
final class WorkloadImage {

    private WorkloadImage() {}

    /** The image saved as a tarball, or null (with a progress line) when the engine does not have it. */
    static Path export(DockerClient docker, String image, BackendListener listener) {
        if (!Preflight.present(docker, image)) {
            listener.progress("k3s backend: workload image " + image
                    + " is not in the local engine; the nodes will have to pull it themselves");
            return null;
        }
        try {
            Path tar = Files.createTempFile("mch-workload-", ".tar");
            try (InputStream saved = docker.saveImageCmd(image).exec()) {
                Files.copy(saved, tar, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tar);
                throw e;
            }
            return tar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export the workload image " + image, e);
        }
    }
}
