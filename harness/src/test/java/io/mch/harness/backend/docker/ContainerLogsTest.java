package io.mch.harness.backend.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.utility.DockerImageName;

/** A container's log is kept in a file before the container goes, stdout and stderr both. */
class ContainerLogsTest {

    @Test
    void keepsStdoutAndStderrAndNothingForARemovedContainer(@TempDir Path dir) throws Exception {
        LocalDocker.assumeBusyboxImage();
        DockerClient docker = DockerClientFactory.instance().client();
        String id;
        try (GenericContainer<?> talker = new GenericContainer<>(DockerImageName.parse(LocalDocker.BUSYBOX))
                .withLabel("io.mch.test", "container-logs")
                .withCommand("sh", "-c", "echo to-stdout; echo to-stderr >&2")
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy())) {
            talker.start();
            id = talker.getContainerId();
            ContainerLogs.save(docker, id, dir.resolve("logs/talker.log"));
        }
        assertThat(Files.readString(dir.resolve("logs/talker.log"))).contains("to-stdout", "to-stderr");

        ContainerLogs.save(docker, id, dir.resolve("logs/gone.log"));
        assertThat(dir.resolve("logs/gone.log")).doesNotExist();
    }
}
