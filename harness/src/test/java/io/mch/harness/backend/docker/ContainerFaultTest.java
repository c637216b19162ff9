package io.mch.harness.backend.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import io.mch.faults.Heal;
import io.mch.harness.traffic.Http;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/** Each Docker-level fault against a real engine: the fault takes effect, and its heal undoes it. */
class ContainerFaultTest {

    private static final int HTTP = 8080;
    private static final String LABEL = "io.mch.test";

    private static DockerClient docker;
    private static Http http;

    @BeforeAll
    static void engine() {
        LocalDocker.assumeBusyboxImage();
        docker = DockerClientFactory.instance().client();
        http = new Http(2, Duration.ofMillis(800));
    }

    @AfterAll
    static void closeHttp() {
        if (http != null) {
            http.close();
        }
    }

    @Test
    void stopThenStartServesAgainOnTheHostPortReadAfterTheRestart() throws Exception {
        try (GenericContainer<?> web = httpd(null)) {
            web.start();
            int before = web.getMappedPort(HTTP);
            assertThat(get(before)).isEqualTo("mch");

            Heal heal = new StopContainer(Duration.ofSeconds(1)).inject(docker, web.getContainerId());
            assertThat(Containers.state(docker, web.getContainerId())).isEqualTo("exited");
            assertThat(Containers.hostPort(docker, web.getContainerId(), HTTP)).isEmpty();
            assertThatThrownBy(() -> get(before)).isInstanceOf(IOException.class);

            heal.heal();
            heal.heal();
            assertThat(Containers.state(docker, web.getContainerId())).isEqualTo("running");
            int after = Containers.hostPort(docker, web.getContainerId(), HTTP).orElseThrow();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> get(after).equals("mch"));
            if (after != before) {
                assertThatThrownBy(() -> get(before)).isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void killEndsTheContainerAtOnceAndStartBringsItBack() throws Exception {
        try (GenericContainer<?> web = httpd(null)) {
            web.start();
            Heal heal = new KillContainer().inject(docker, web.getContainerId());
            var state = docker.inspectContainerCmd(web.getContainerId()).exec().getState();
            assertThat(state.getStatus()).isEqualTo("exited");
            assertThat(state.getExitCodeLong()).isEqualTo(137L);

            heal.heal();
            int port = Containers.hostPort(docker, web.getContainerId(), HTTP).orElseThrow();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> get(port).equals("mch"));
        }
    }

    @Test
    void pausedContainerAcceptsNothingUntilUnpaused() throws Exception {
        try (GenericContainer<?> web = httpd(null)) {
            web.start();
            int port = web.getMappedPort(HTTP);
            Heal heal = new PauseContainer().inject(docker, web.getContainerId());
            assertThat(Containers.state(docker, web.getContainerId())).isEqualTo("paused");
            assertThatThrownBy(() -> get(port)).isInstanceOf(IOException.class);

            heal.heal();
            heal.heal();
            assertThat(Containers.state(docker, web.getContainerId())).isEqualTo("running");
            assertThat(get(port)).isEqualTo("mch");
        }
    }

    @Test
    void disconnectedContainerIsUnreachableFromItsPeerUntilReconnected() throws Exception {
        try (Network network = Network.builder()
                        .createNetworkCmdModifier(cmd -> cmd.withLabels(java.util.Map.of(LABEL, "true")))
                        .build();
                GenericContainer<?> web = httpd(network);
                GenericContainer<?> peer = busybox("sleep", "600").withNetwork(network)) {
            web.start();
            peer.start();
            String networkId = network.getId();
            String ip = Containers.ipAddress(docker, web.getContainerId(), networkId).orElseThrow();
            assertThat(wgetFrom(peer, ip)).isZero();

            Heal heal = new DisconnectNetwork(networkId).inject(docker, web.getContainerId());
            assertThat(Containers.ipAddress(docker, web.getContainerId(), networkId)).isEmpty();
            assertThat(wgetFrom(peer, ip)).isNotZero();

            heal.heal();
            heal.heal();
            String back = Containers.ipAddress(docker, web.getContainerId(), networkId).orElseThrow();
            await().atMost(Duration.ofSeconds(10)).until(() -> wgetFrom(peer, back) == 0);
        }
    }

    @Test
    void healOfARemovedContainerDoesNothing() {
        Heal heal;
        try (GenericContainer<?> web = httpd(null)) {
            web.start();
            heal = new StopContainer(Duration.ZERO).inject(docker, web.getContainerId());
        }
        heal.heal();
    }

    /**
     * busybox wget by IP (the static binary has no resolver), bounded by busybox timeout because
     * its own {@code -T} crashes in this build; its exit code.
     */
    private static int wgetFrom(GenericContainer<?> peer, String ip) throws Exception {
        return peer.execInContainer("timeout", "2", "wget", "-q", "-O", "-", "http://" + ip + ":" + HTTP + "/")
                .getExitCode();
    }

    private static GenericContainer<?> httpd(Network network) {
        GenericContainer<?> web = busybox("httpd", "-f", "-p", String.valueOf(HTTP), "-h", "/www")
                .withExposedPorts(HTTP)
                .waitingFor(Wait.forHttp("/").forStatusCode(200));
        return network == null ? web : web.withNetwork(network);
    }

    @SuppressWarnings("resource")
    private static GenericContainer<?> busybox(String... command) {
        return new GenericContainer<>(DockerImageName.parse(LocalDocker.BUSYBOX))
                .withCommand(command)
                .withLabel(LABEL, "true");
    }

    private static String get(int port) throws IOException {
        Http.Response response = http.get(new InetSocketAddress("127.0.0.1", port), "/");
        if (!response.ok()) {
            throw new IOException("HTTP " + response.status());
        }
        return response.body().trim();
    }
}
