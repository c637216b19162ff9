package io.mch.harness.backend.embedded;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The kubelet side of the k3s stand-in (see {@link K3sStandIn}), for the server's own node and for
 * agents: registers the Node when it is missing (also after a restarted stand-in server forgot
 * it), annotates it with its flags, and renews its Lease every quarter of
 * {@code --kubelet-arg=node-lease-duration-seconds} (40 s by default), as the kubelet does.
 */
final class K3sStandInNode {

    static final String TOKEN_SECRET = "k3s-stand-in-token";

    private final K3sStandIn flags;
    private final KubernetesClient client;
    private final Kubelet kubelet;

    K3sStandInNode(K3sStandIn flags, KubernetesClient client) throws Exception {
        this.flags = flags;
        this.client = client;
        String name = flags.value("--node-name").orElse(InetAddress.getLocalHost().getHostName());
        this.kubelet = new Kubelet(name, InetAddress.getLocalHost().getHostAddress(), client);
    }

    /** Heartbeats until the process ends. */
    void start(ScheduledExecutorService timer) {
        long leaseSeconds = flags.componentArg("--kubelet-arg", "node-lease-duration-seconds").map(Long::parseLong).orElse(40L);
        long renewMs = Math.max(250, leaseSeconds * 1000 / 4);
        timer.scheduleWithFixedDelay(this::heartbeat, 0, renewMs, TimeUnit.MILLISECONDS);
    }

    private void heartbeat() {
        try {
            Node node = client.nodes().withName(kubelet.node()).get();
            if (node == null) {
                kubelet.register("stand-in");
                node = client.nodes().withName(kubelet.node()).get();
                node.getMetadata().getAnnotations().put(K3sStandIn.NODE_ARGS, Serialization.asJson(flags.masked()));
                client.nodes().resource(node).update();
                System.out.println("stand-in node " + kubelet.node() + " registered");
            } else {
                kubelet.renewLease();
            }
        } catch (RuntimeException e) {
            System.out.println("stand-in node " + kubelet.node() + ": heartbeat failed, retrying: " + e.getMessage());
        }
    }

    /** Agent mode: joins the server named by {@code K3S_URL} once {@code K3S_TOKEN} matches the server's. */
    static void runAgent(K3sStandIn flags) throws Exception {
        String url = System.getenv("K3S_URL");
        String token = System.getenv("K3S_TOKEN");
        if (url == null || token == null || token.isEmpty()) {
            System.err.println("agent: K3S_URL and K3S_TOKEN are required");
            System.exit(1);
        }
        KubernetesClient client = K3sStandIn.client(url);
        while (!joined(client, token)) {
            Thread.sleep(Duration.ofMillis(500).toMillis());
        }
        System.out.println("stand-in agent joined " + url);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        new K3sStandInNode(flags, client).start(timer);
        timer.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
    }

    private static boolean joined(KubernetesClient client, String token) {
        try {
            Secret secret = client.secrets().inNamespace("kube-system").withName(TOKEN_SECRET).get();
            if (secret != null && !token.equals(secret.getStringData().get("token"))) {
                System.err.println("agent: K3S_TOKEN does not match the server's token");
                System.exit(1);
            }
            return secret != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
