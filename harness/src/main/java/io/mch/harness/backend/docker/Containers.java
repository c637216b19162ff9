package io.mch.harness.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine says about a container now. Host ports, IP addresses and state change under
 * faults (a restarted container may be published on another host port), so callers ask again
 * after every heal instead of keeping what Testcontainers read at start.
 */
public final class Containers {

    private Containers() {}

    /** Docker's state: {@code running}, {@code paused}, {@code exited}, ...; {@code removed} when gone. */
    public static String state(DockerClient docker, String containerId) {
        try {
            InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(containerId).exec().getState();
            return state.getStatus();
        } catch (NotFoundException e) {
            return "removed";
        }
    }

    /** The host port that {@code containerPort}/tcp is published on right now, if running and published. */
    public static Optional<Integer> hostPort(DockerClient docker, String containerId, int containerPort) {
        Map<ExposedPort, Ports.Binding[]> bindings =
                docker.inspectContainerCmd(containerId).exec().getNetworkSettings().getPorts().getBindings();
        Ports.Binding[] published = bindings.get(ExposedPort.tcp(containerPort));
        return published == null
                ? Optional.empty()
                : Arrays.stream(published)
                        .map(Ports.Binding::getHostPortSpec)
                        .filter(spec -> spec != null && !spec.isEmpty())
                        .map(Integer::valueOf)
                        .findFirst();
    }

    /** The container's attachment to a network (by id or name), if attached. */
    public static Optional<ContainerNetwork> network(DockerClient docker, String containerId, String network) {
        Map<String, ContainerNetwork> networks =
                docker.inspectContainerCmd(containerId).exec().getNetworkSettings().getNetworks();
        return networks.entrySet().stream()
                .filter(e -> e.getKey().equals(network) || network.equals(e.getValue().getNetworkID()))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** The container's IPv4 address on a network, if attached. */
    public static Optional<String> ipAddress(DockerClient docker, String containerId, String network) {
        return network(docker, containerId, network)
                .map(ContainerNetwork::getIpAddress)
                .filter(ip -> !ip.isEmpty());
    }

    /** Starts a stopped container; one already running, or removed, is left as it is. */
    static void start(DockerClient docker, String containerId) {
        try {
            docker.startContainerCmd(containerId).exec();
        } catch (NotModifiedException | NotFoundException e) {
            // Already running (healed twice), or removed by close: nothing to start.
        }
    }
}
