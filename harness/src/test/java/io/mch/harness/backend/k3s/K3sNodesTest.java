package io.mch.harness.backend.k3s;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.HostConfig;
import java.lang.reflect.Proxy;
import io.mch.harness.config.Topology;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/** How the nodes' containers are configured, read before anything starts (no engine needed). */
class K3sNodesTest {

    private static final Topology.KubernetesTimings TIMINGS =
            new Topology.KubernetesTimings(Duration.ofSeconds(10), Duration.ofSeconds(15));

    @Test
    void aMirroredImageNameIsACompatibleSubstituteForRancherK3s() {
        K3sOptions mirrored = K3sOptions.fromSystemProperties().withImage("registry.example/rancher/k3s:v1.31.4-k3s1");
        try (Network network = Network.newNetwork()) {
            // The module's constructor asserts the name: before the fix this threw IllegalStateException.
            K3sNodes.server(mirrored, TIMINGS, "east-server", "t", Map.of(), network, null);
            assertThat(K3sNodes.image(mirrored).isCompatibleWith(DockerImageName.parse("rancher/k3s"))).isTrue();
            assertThat(K3sNodes.image(mirrored).asCanonicalNameString())
                    .isEqualTo("registry.example/rancher/k3s:v1.31.4-k3s1");
        }
    }

    @Test
    void everyNodeHasAPrivateCgroupNamespaceAndTheServerNoHostCgroupBind() {
        K3sOptions options = K3sOptions.fromSystemProperties();
        try (Network network = Network.newNetwork()) {
            K3sContainer server = K3sNodes.server(options, TIMINGS, "east-server", "t", Map.of(), network, null);
            GenericContainer<?> agent = K3sNodes.agent(options, TIMINGS, "east-server", "t", "east-agent-1",
                    Map.of(), network, null);
            assertThat(cgroupns(server)).isEqualTo("private");
            assertThat(cgroupns(agent)).isEqualTo("private");
            assertThat(server.getBinds()).noneMatch(b -> b.getVolume().getPath().equals("/sys/fs/cgroup"));
            assertThat(server.getCommandParts()).contains("--kube-controller-manager-arg=node-monitor-grace-period=10s");
            assertThat(agent.getEnvMap()).containsEntry("K3S_URL", "https://east-server:6443");
        }
    }

    /** The cgroup namespace mode the container would be created with, after every modifier ran in order. */
    private static String cgroupns(GenericContainer<?> container) {
        HostConfig host = HostConfig.newHostConfig();
        CreateContainerCmd cmd = (CreateContainerCmd) Proxy.newProxyInstance(K3sNodesTest.class.getClassLoader(),
                new Class<?>[] {CreateContainerCmd.class},
                (proxy, method, args) -> method.getName().equals("getHostConfig") ? host : proxy);
        container.getCreateContainerCmdModifiers().forEach(modifier -> modifier.modify(cmd));
        return host.getCgroupnsMode();
    }
}
