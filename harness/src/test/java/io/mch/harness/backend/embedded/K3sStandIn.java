package io.mch.harness.backend.embedded;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the k3s binary of the {@code rancher/k3s} image, the entry point of the locally
 * built stand-in image (see {@code K3sStandInImage}), so the k3s backend's own code runs end to end
 * where no registry is reachable. It verifies mch's side — Testcontainers' lifecycle and wait
 * strategy, the flags mch passes, the kubeconfig, ports after a restart, agents joining through
 * the network alias, Docker-level faults, the NodePort front, cleanup — not k3s's behaviour: the
 * API is fabric8's mock server, the nodes and pods are the embedded simulator's, and what the
 * flags do is modelled by the simulator's node lifecycle controller.
 *
 * <p>{@code server [flags]} serves the API over TLS on 6443, writes
 * {@code /etc/rancher/k3s/k3s.yaml}, registers its node and logs the line Testcontainers waits
 * for; {@code agent [flags]} joins through {@code K3S_URL} with {@code K3S_TOKEN}. Both record
 * their flags on their Node in the {@code k3s.io/node-args} annotation (token masked), as k3s does.
 */
public final class K3sStandIn {

    static final String NODE_ARGS = "k3s.io/node-args";
    private static final Pattern GO_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private final List<String> args;

    K3sStandIn(List<String> args) {
        this.args = List.copyOf(args);
    }

    public static void main(String[] args) throws Exception {
        ApiServer.quietLogging();
        K3sStandIn flags = new K3sStandIn(Arrays.asList(args));
        if (args.length > 0 && args[0].equals("server")) {
            K3sStandInServer.run(flags);
        } else if (args.length > 0 && args[0].equals("agent")) {
            K3sStandInNode.runAgent(flags);
        } else {
            System.err.println("usage: k3s server|agent [flags]");
            System.exit(2);
        }
    }

    /** The value of {@code --name=value}, if given. */
    Optional<String> value(String name) {
        return args.stream().filter(a -> a.startsWith(name + "=")).map(a -> a.substring(name.length() + 1)).reduce((a, b) -> b);
    }

    /** The value of {@code key} in a component argument such as {@code --kubelet-arg=key=value}. */
    Optional<String> componentArg(String flag, String key) {
        return args.stream().filter(a -> a.startsWith(flag + "=" + key + "="))
                .map(a -> a.substring(flag.length() + key.length() + 2)).reduce((a, b) -> b);
    }

    /** A Go duration such as {@code 10s} or {@code 2m} of a component argument, else {@code fallback}. */
    Duration duration(String flag, String key, Duration fallback) {
        return componentArg(flag, key).map(K3sStandIn::goDuration).orElse(fallback);
    }

    /** The arguments as k3s annotates them on its Node: the token's value masked. */
    List<String> masked() {
        return args.stream().map(a -> a.startsWith("--token=") ? "--token=********" : a).toList();
    }

    static Duration goDuration(String text) {
        Matcher m = GO_DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration this stand-in reads: " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    static KubernetesClient client(String url) {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(url).withTrustCerts(true)
                .withDisableHostnameVerification(true).withOauthToken("stand-in")
                .withRequestTimeout(5_000).withConnectionTimeout(3_000).withRequestRetryBackoffLimit(0).build()).build();
    }
}
