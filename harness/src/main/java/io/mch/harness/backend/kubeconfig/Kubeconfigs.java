package io.mch.harness.backend.kubeconfig;

import io.mch.harness.input.YamlLimits;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * Turns a context name into a client the way kubectl would, but refuses a context that is not
 * there: fabric8 silently falls back to another context (or to localhost) when asked for a missing
 * one, and a chaos harness must never act on a cluster the user did not name.
 */
public final class Kubeconfigs {

    /** Connecting to an API server that does not answer gives up after this. */
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private Kubeconfigs() {}

    /** Every context the files define, in order, each once. */
    public static List<String> contexts(List<Path> files) {
        Set<String> names = new LinkedHashSet<>();
        for (Path file : files) {
            names.addAll(contextsIn(file));
        }
        return List.copyOf(names);
    }

    /**
     * The client configuration of {@code context} from the first file that defines it.
     *
     * @throws IllegalArgumentException naming the context, the files and the contexts they have
     */
    public static Config config(String context, List<Path> files) {
        for (Path file : files) {
            if (contextsIn(file).contains(context)) {
                Config config = Config.fromKubeconfig(context, file.toFile());
                config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
                config.setRequestRetryBackoffLimit(1);
                return config;
            }
        }
        throw new IllegalArgumentException("context '" + context + "' is not in " + files + "; its contexts are "
                + (contexts(files).isEmpty() ? "none" : String.join(", ", contexts(files))));
    }

    /** A client for {@code config} that labels everything it creates as run {@code runId}'s. */
    static KubernetesClient stampingClient(Config config, String runId) {
        return new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor(LabelStamp.NAME, new LabelStamp(runId)))
                .build();
    }

    /** A client that changes nothing on its own (for {@code mch heal}). */
    public static KubernetesClient client(Config config) {
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /**
     * Asks the API server for one node, which the backend needs to read anyway.
     *
     * @throws IllegalStateException naming the context and the server when it does not answer
     */
    static void requireReachable(KubernetesClient client, String cluster, String context) {
        try {
            client.nodes().list(new ListOptionsBuilder().withLimit(1L).build());
        } catch (KubernetesClientException e) {
            throw new IllegalStateException("context '" + context + "' (cluster " + cluster + "): the API server "
                    + client.getMasterUrl() + " cannot be reached: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Objects.requireNonNullElse(root.getMessage(), root.getClass().getSimpleName());
    }

    private static List<String> contextsIn(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (Reader in = Files.newBufferedReader(file)) {
            Object root = new Yaml(YamlLimits.options()).load(in);
            List<String> names = new ArrayList<>();
            if (root instanceof Map<?, ?> map && map.get("contexts") instanceof List<?> contexts) {
                for (Object entry : contexts) {
                    if (entry instanceof Map<?, ?> context && context.get("name") instanceof String name) {
                        names.add(name);
                    }
                }
            }
            return names;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("kubeconfig " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The API server's URL of a configuration, for messages. */
    static String server(Config config) {
        return Optional.ofNullable(config.getMasterUrl()).orElse("(no server)");
    }
}
