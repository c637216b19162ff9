package io.mch.harness.backend.docker;

import com.github.dockerjava.api.DockerClient;
import io.mch.faults.Heal;
import java.time.Duration;

/**
 * A clean shutdown (SIGTERM, then SIGKILL after {@code grace}), like powering a machine off from
 * its console; the heal starts the container again with its file system intact. Docker may give
 * published ports new host ports on the restart: re-read them with {@link Containers#hostPort}.
 */
public record StopContainer(Duration grace) implements ContainerFault {

    @Override
    public Heal inject(DockerClient docker, String containerId) {
        docker.stopContainerCmd(containerId).withTimeout((int) Math.max(0, grace.toSeconds())).exec();
        return Heal.once(() -> Containers.start(docker, containerId));
    }
}
