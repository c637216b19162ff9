package io.mch.harness.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import io.mch.faults.Heal;
import java.util.List;

/**
 * Unplugs the container from one Docker network: the machine keeps running but its peers on that
 * network cannot reach it, nor it them. The heal plugs it back in under the same aliases; Docker
 * may hand out another IP address, so re-read it with {@link Containers#ipAddress}.
 */
public record DisconnectNetwork(String networkId) implements ContainerFault {

    @Override
    public Heal inject(DockerClient docker, String containerId) {
        ContainerNetwork attached = Containers.network(docker, containerId, networkId)
                .orElseThrow(() -> new IllegalStateException(
                        "container " + containerId + " is not on network " + networkId));
        List<String> aliases = attached.getAliases() == null ? List.of() : List.copyOf(attached.getAliases());
        docker.disconnectFromNetworkCmd().withNetworkId(networkId).withContainerId(containerId).exec();
        return Heal.once(() -> {
            try {
                docker.connectToNetworkCmd()
                        .withNetworkId(networkId)
                        .withContainerId(containerId)
                        .withContainerNetwork(new ContainerNetwork().withAliases(aliases))
                        .exec();
            } catch (NotFoundException e) {
                // The container or the network was removed meanwhile: nothing to plug back in.
            }
        });
    }
}
