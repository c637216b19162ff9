package io.mch.harness.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.mch.faults.Heal;

/**
 * Freezes every process of the container (cgroup freezer): a machine that hangs. Connections stay
 * open but nothing answers, which is harder on clients than a refused connection. The heal thaws
 * it; the processes carry on as if no time had passed.
 */
public record PauseContainer() implements ContainerFault {

    @Override
    public Heal inject(DockerClient docker, String containerId) {
        docker.pauseContainerCmd(containerId).exec();
        return Heal.once(() -> {
            try {
                docker.unpauseContainerCmd(containerId).exec();
            } catch (NotFoundException | ConflictException e) {
                // Removed, or no longer paused (stopped meanwhile): nothing to thaw.
            }
        });
    }
}
