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
import java.util.concurrent.TimeUnit;

/**
 * Keeps a container's log (stdout and stderr, the last {@link #TAIL} lines) in a file before the
 * container is removed, so that the first failure on a real engine can be read afterwards.
 */
public final class ContainerLogs {

    static final int TAIL = 5000;
    private static final long WAIT_SECONDS = 30;

    private ContainerLogs() {}

    /** Writes the log to {@code file} (parents created); a container already removed writes nothing. */
    public static void save(DockerClient docker, String containerId, Path file) {
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
