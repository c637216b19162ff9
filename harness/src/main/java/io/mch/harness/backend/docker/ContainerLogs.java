package io.mch.harness.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.testcontainers.containers.output.OutputFrame;

/**
 * Keeps a container's log (stdout and stderr) in a file: followed while it runs, and written
 * whole (the last {@link #TAIL} lines) before the container is removed, so that the first failure
 * on a real engine can be read afterwards.
 */
public final class ContainerLogs {

    static final int TAIL = 5000;
    private static final long WAIT_SECONDS = 30;

    private ContainerLogs() {}

    /**
     * A log consumer (Testcontainers' {@code withLogConsumer}) that appends the container's output
     * to {@code file} as it comes, so a container that Testcontainers removes after a failed start
     * leaves its log behind. Best effort: output that cannot be written is dropped.
     */
    public static Consumer<OutputFrame> follow(Path file) {
        return frame -> {
            byte[] bytes = frame.getBytes();
            if (bytes == null) {
                return;
            }
            synchronized (ContainerLogs.class) {
                try {
                    Files.createDirectories(file.getParent());
                    Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    // The run goes on without this part of the log.
                }
            }
        };
    }

    /**
     * Writes the whole log (every start of the container) to {@code file}, replacing what
     * {@link #follow} wrote; a container already removed writes nothing.
     */
    public static void keep(DockerClient docker, String containerId, Path file) {
        try {
            docker.inspectContainerCmd(containerId).exec();
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file);
                    ResultCallback.Adapter<Frame> copy = new ResultCallback.Adapter<>() {
                        @Override
                        public void onNext(Frame frame) {
                            try {
                                out.write(frame.getPayload());
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    }) {
                docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTail(TAIL)
                        .exec(copy).awaitCompletion(WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (NotFoundException e) {
            // Removed already: nothing left to keep.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the log of container " + containerId + " in " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
