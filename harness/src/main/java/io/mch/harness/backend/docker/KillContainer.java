package io.mch.harness.backend.docker;

import com.github.dockerjava.api.DockerClient;
import io.mch.faults.Heal;

/**
 * SIGKILL to the container's init: a machine losing power, with no chance to say goodbye to the
 * cluster. The heal starts the container again.
 */
public record KillContainer() implements ContainerFault {

    @Override
    public Heal inject(DockerClient docker, String containerId) {
        docker.killContainerCmd(containerId).exec();
        return Heal.once(() -> Containers.start(docker, containerId));
    }
}
