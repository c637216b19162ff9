package io.mch.harness.backend.docker;

import com.github.dockerjava.api.DockerClient;
import io.mch.faults.Heal;

/**
 * A fault done to one Docker container by the engine itself (what an operator or the kernel would
 * do to a machine), with the heal that undoes it. The k3s backend loses nodes and clusters with
 * these; they are separate so each can be tested against a real engine on its own.
 */
public sealed interface ContainerFault permits StopContainer, KillContainer, PauseContainer, DisconnectNetwork {

    /**
     * Injects the fault; the heal may be called any number of times and does nothing once the
     * container is gone (a removed container has nothing left to heal).
     */
    Heal inject(DockerClient docker, String containerId);
}
