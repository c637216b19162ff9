package io.mch.harness.backend.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.utility.DockerImageName;

/** A container's log is kept in a file before the container goes, stdout and stderr both. */
class ContainerLogsTest {

    @Test
    void followsAndKeepsStdoutAndStderrAndNothingForARemovedContainer(@TempDir Path dir) throws Exception {
        LocalDocker.assumeBusyboxImage();
        DockerClient docker = DockerClientFactory.instance().client();
        String id;
        try (GenericContainer<?> talker = new GenericContainer<>(DockerImageName.parse(LocalDocker.BUSYBOX))
                .withLabel("io.mch.test", "container-logs")
                .withCommand("sh", "-c", "echo to-stdout; echo to-stderr >&2")
                .withLogConsumer(ContainerLogs.follow(dir.resolve("followed/talker.log")))
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy())) {
            talker.start();
            id = talker.getContainerId();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(Files.readString(dir.resolve("followed/talker.log"))).contains("to-stdout", "to-stderr"));
            ContainerLogs.keep(docker, id, dir.resolve("kept/talker.log"));
            assertThat(Files.readString(dir.resolve("kept/talker.log"))).contains("to-stdout", "to-stderr");
        }

        ContainerLogs.keep(docker, id, dir.resolve("gone/talker.log"));
        assertThat(dir.resolve("gone")).doesNotExist();
    }
}
