package io.mch.harness.backend.k3s;

import io.mch.harness.config.Topology;
import java.nio.file.Path;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The containers of one cluster, as configured before they start. Testcontainers' k3s module is
 * made fit for several clusters on one engine and for mirrored images:
 * <ul>
 *   <li>the image is declared a compatible substitute for {@code rancher/k3s}, so a name such as
 *       {@code registry.example/rancher/k3s:v1.31.4-k3s1} passes the module's name check;
 *   <li>every node gets a private cgroup namespace (as kind gives its nodes) instead of the
 *       module's host namespace and read-write bind of {@code /sys/fs/cgroup}: with those, each
 *       cluster's kubelet sees the other clusters' pod cgroups as orphans and removes them;
 *   <li>the command carries the topology's timings (see {@link K3sFlags}).
 * </ul>
 */
final class K3sNodes {

    static final int API_PORT = 6443;
    private static final String CGROUP = "/sys/fs/cgroup";

    private K3sNodes() {}

    static DockerImageName image(K3sOptions options) {
        return DockerImageName.parse(options.image()).asCompatibleSubstituteFor("rancher/k3s");
    }

    static K3sContainer server(K3sOptions options, Topology.KubernetesTimings timings, String alias, String token,
            Map<String, String> labels, Network network, Path sideLoaded) {
        K3sContainer server = new K3sContainer(image(options));
        server.setBinds(server.getBinds().stream().filter(b -> !CGROUP.equals(b.getVolume().getPath())).toList());
        server.withNetwork(network)
                .withNetworkAliases(alias)
                .withLabels(labels)
                .withExposedPorts(API_PORT, NodePortRoutes.NODE_PORT)
                .withCommand(K3sFlags.server(timings, options, token, alias, server.getHost()).toArray(String[]::new))
                .withStartupTimeout(options.startupTimeout());
        return common(server, sideLoaded);
    }

    static GenericContainer<?> agent(K3sOptions options, Topology.KubernetesTimings timings, String serverAlias,
            String token, String nodeName, Map<String, String> labels, Network network, Path sideLoaded) {
        GenericContainer<?> agent = new GenericContainer<>(image(options))
                .withNetwork(network)
                .withLabels(labels)
                .withPrivilegedMode(true)
                .withTmpFs(Map.of("/run", "", "/var/run", ""))
                .withEnv("K3S_URL", "https://" + serverAlias + ":" + API_PORT)
                .withEnv("K3S_TOKEN", token)
                .withCommand(K3sFlags.agent(timings, options, nodeName).toArray(String[]::new));
        return common(agent, sideLoaded);
    }

    private static <C extends GenericContainer<?>> C common(C container, Path sideLoaded) {
        container.withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withCgroupnsMode("private"));
        if (sideLoaded != null) {
            container.withCopyFileToContainer(MountableFile.forHostPath(sideLoaded), SideLoadedImages.NODE_PATH);
        }
        return container;
    }
}
