package io.mch.harness.backend.k3s;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.SaveImagesCmd;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.testcontainers.utility.DockerImageName;

/**
 * Side-loads the images the nodes need (see {@link K3sOptions#sideLoaded}): k3s imports every
 * tarball in {@code /var/lib/rancher/k3s/agent/images} at start, so a node runs its pod sandboxes,
 * CoreDNS and the workload without a registry. Saved once per run, as one tarball, to a temp file
 * the fleet deletes; the preflight has made sure the engine has every image.
 */
final class SideLoadedImages {

    /** Where k3s looks for image tarballs to import at start. */
    static final String NODE_PATH = "/var/lib/rancher/k3s/agent/images/mch-side-loaded.tar";

    private SideLoadedImages() {}

    static Path export(DockerClient docker, List<String> images) {
        try {
            Path tar = Files.createTempFile("mch-side-loaded-", ".tar");
            SaveImagesCmd save = docker.saveImagesCmd();
            for (String image : images.stream().distinct().toList()) {
                DockerImageName name = DockerImageName.parse(image);
                save.withImage(name.getUnversionedPart(), name.getVersionPart());
            }
            try (InputStream saved = save.exec()) {
                Files.copy(saved, tar, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tar);
                throw e;
            }
            return tar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export the images " + images + " to side-load into the nodes", e);
        }
    }
}
