package io.mch.harness.backend.k3s;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Path;
import java.nio.file.Files;
import java.io.UncheckedIOException;
import java.io.IOException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.util.List;
import java.util.Map;

/**
 * Everything one run created in Docker carries the label {@code io.mch.run=<run id>}, so it can be
 * removed by label whatever state the run died in: half started, a container stopped by a fault,
 * or the JVM shutting down. Ryuk, Testcontainers' usual reaper, cannot be pulled offline.
 */
final class RunResources {

    static final String LABEL = "io.mch.run";

    private RunResources() {}

    static Map<String, String> labels(String runId) {
        return Map.of(LABEL, runId);
    }

    /** Removes the run's containers (running or not) and then its networks; returns how many objects. */
    static int removeAll(DockerClient docker, String runId) {
        List<String> filter = List.of(LABEL + "=" + runId);
        int removed = 0;
        for (Container container : docker.listContainersCmd().withShowAll(true).withLabelFilter(filter).exec()) {
            try {
                docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
                removed++;
            } catch (NotFoundException e) {
                // Removed by its own close meanwhile.
            }
        }
        for (Network network : docker.listNetworksCmd().withFilter("label", filter).exec()) {
            try {
                docker.removeNetworkCmd(network.getId()).exec();
                removed++;
            } catch (NotFoundException e) {
                // Removed by its own close meanwhile.
            }
        }
        return removed;
    }

    /** Removes the run's labelled containers and networks, and the exported workload image. */
    static void cleanUp(DockerClient docker, String runId, Path workloadImage) {
        removeAll(docker, runId);
        if (workloadImage != null) {
            try {
                Files.deleteIfExists(workloadImage);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
