package io.mch.harness.backend.k3s;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.mch.harness.runtime.Threads;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testcontainers.DockerClientFactory;

/**
 * Checks, before any container starts, that the k3s backend can run: a Docker engine answers and
 * the k3s image and the images the nodes get side-loaded are there (a short pull is tried when
 * one is not): a node without a registry could start no pod at all without them. Testcontainers' own waits run for
 * minutes when a registry is unreachable, so every step here is bounded.
 */
final class Preflight {

    private static final Duration CONNECT = Duration.ofSeconds(30);
    private static final Duration PULL = Duration.ofMinutes(5);

    private Preflight() {}

    /**
     * The engine's client, once the k3s image and every image side-loaded into the nodes (see
     * {@link K3sOptions#sideLoaded}) are known to be present.
     */
    static DockerClient check(K3sOptions options) {
        DockerClient docker = bounded(CONNECT, () -> DockerClientFactory.instance().client(), failure ->
                "the k3s backend needs a Docker engine, and none is usable (" + failure + "): start dockerd or set"
                        + " DOCKER_HOST; without registry access also set TESTCONTAINERS_RYUK_DISABLED=true and"
                        + " TESTCONTAINERS_CHECKS_DISABLE=true (and TESTCONTAINERS_HOST_OVERRIDE=localhost when mch runs in a"
                        + " container)");
        require(docker, options.image(), "pass --k3s-image");
        require(docker, options.pauseImage(), "pass -Dmch.k3s.pause-image (every pod sandbox needs it)");
        require(docker, options.dnsImage(), "pass -Dmch.k3s.dns-image (k3s's CoreDNS needs it)");
        require(docker, options.workloadImage(), "pass -Dmch.k3s.workload-image (the topology's workload needs it)");
        return docker;
    }

    private static void require(DockerClient docker, String image, String override) {
        if (present(docker, image)) {
            return;
        }
        bounded(PULL, () -> docker.pullImageCmd(image).start().awaitCompletion(PULL.toSeconds(), TimeUnit.SECONDS),
                failure -> "the k3s backend needs the image " + image + ", which is not present and cannot be"
                        + " pulled (" + failure + "): pull it or " + override);
        if (!present(docker, image)) {
            throw new K3sUnavailableException("the k3s backend needs the image " + image
                    + ", which is not present and could not be pulled within " + PULL.toMinutes()
                    + " minutes: pull it or " + override);
        }
    }

    static boolean present(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T bounded(Duration limit, Step<T> step, java.util.function.Function<String, String> message) {
        ExecutorService thread = Executors.newSingleThreadExecutor(Threads.named("k3s-preflight"));
        try {
            Future<T> result = thread.submit(step::run);
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new K3sUnavailableException(message.apply("no answer within " + limit.toSeconds() + " s"));
        } catch (java.util.concurrent.ExecutionException e) {
            throw new K3sUnavailableException(message.apply(rootMessage(e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new K3sUnavailableException(message.apply("interrupted"));
        } finally {
            thread.shutdownNow();
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return text.lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse(text);
    }
}
