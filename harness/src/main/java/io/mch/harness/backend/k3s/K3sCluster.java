package io.mch.harness.backend.k3s;

import com.github.dockerjava.api.DockerClient;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.mch.faults.Heal;
import io.mch.harness.backend.BackendListener;
import io.mch.harness.backend.Cluster;
import io.mch.harness.backend.support.IngressServer;
import io.mch.harness.backend.support.Parts;
import io.mch.harness.backend.docker.ContainerLogs;
import io.mch.harness.backend.docker.Containers;
import io.mch.faults.proxy.LinkProxy;
import io.mch.harness.backend.docker.StopContainer;
import io.mch.harness.config.Topology;
import io.mch.harness.runtime.Threads;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.k3s.K3sContainer;

/**
 * One k3s cluster: a server container and {@code nodes - 1} agent containers on a network of their
 * own (see {@link K3sNodes}), an in-process ingress on 127.0.0.1 in front of the workload's node
 * port, and a stable forwarder on 127.0.0.1 in front of the API server, which is what other
 * clusters' clients connect to: a restart publishes the server on other host ports, and the
 * harness's own client and the forwarder follow, so long-lived fabric clients reach the cluster
 * again after a loss heals. Losing the cluster stops the server container (API and ingress refuse
 * connections); the heal starts it again. The containers' logs are kept in the run directory
 * before they are removed.
 */
final class K3sCluster implements Cluster, AutoCloseable {

    private static final int API_PORT = K3sNodes.API_PORT;

    private final String name;
    private final DockerClient docker;
    private final Network network;
    private final K3sContainer server;
    private final List<GenericContainer<?>> agents;
    private final Config config;
    private final NodePortRoutes routes;
    private final IngressServer ingress;
    private final LinkProxy apiFront;
    private final Path logDir;
    private volatile KubernetesClient client;
    private volatile int apiPort;
    private volatile int nodePort;
    private int losses;
    private Heal serverStopped;
    private boolean closed;

    private K3sCluster(String name, DockerClient docker, Network network, K3sContainer server,
            List<GenericContainer<?>> agents, String workloadService, Path logDir, long seed) throws Exception {
        this.name = name;
        this.docker = docker;
        this.network = network;
        this.server = server;
        this.agents = List.copyOf(agents);
        this.logDir = logDir;
        this.config = Config.fromKubeconfig(server.getKubeConfigYaml());
        config.setRequestTimeout(5_000);
        config.setConnectionTimeout(3_000);
        this.apiPort = server.getMappedPort(API_PORT);
        this.nodePort = server.getMappedPort(NodePortRoutes.NODE_PORT);
        this.client = newClient();
        this.routes = new NodePortRoutes(name, workloadService, () -> client, () -> nodePort, Duration.ofSeconds(5));
        this.ingress = new IngressServer(name, InetAddress.getLoopbackAddress(), Threads.named(name + "-ingress"), routes);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.apiFront = LinkProxy.open("k3s-" + name + "-api", loopback,
                () -> new InetSocketAddress(loopback, apiPort), seed);
    }

    /** What one cluster is started from: its spec, the run's shared settings and where logs go. */
    record Start(Topology.ClusterSpec spec, Topology.KubernetesTimings timings, String workloadService,
            String runId, String token, K3sOptions options, Path sideLoaded, Path logDir, long seed) {}

    /**
     * Starts the cluster's containers and waits until every node is Ready; on failure, keeps the
     * containers' logs and removes what it started (the run's label sweep is the backstop).
     */
    static K3sCluster start(Start start, DockerClient docker, BackendListener listener) throws Exception {
        Topology.ClusterSpec spec = start.spec();
        K3sOptions options = start.options();
        Map<String, String> labels = RunResources.labels(start.runId());
        Network network = Network.builder().createNetworkCmdModifier(cmd -> cmd.withLabels(labels)).build();
        String alias = spec.name() + "-server";
        List<GenericContainer<?>> started = new ArrayList<>();
        try {
            K3sContainer server = K3sNodes.server(options, start.timings(), alias, start.token(), labels, network,
                    start.sideLoaded());
            logged(server, start, alias);
            started.add(server);
            server.start();
            listener.progress("cluster " + spec.name() + ": k3s server up (" + options.image() + ")");
            for (int i = 1; i < spec.nodes(); i++) {
                GenericContainer<?> agent = K3sNodes.agent(options, start.timings(), alias, start.token(),
                        agentName(spec.name(), i), labels, network, start.sideLoaded());
                logged(agent, start, agentName(spec.name(), i));
                started.add(agent);
                agent.start();
            }
            K3sCluster cluster = new K3sCluster(spec.name(), docker, network, server, started.subList(1, started.size()),
                    start.workloadService(), start.logDir(), start.seed());
            try {
                Awaitility.await().atMost(options.startupTimeout()).pollInterval(Duration.ofSeconds(1))
                        .ignoreExceptions()
                        .until(() -> cluster.readyNodes() == spec.nodes());
                cluster.ingress.start();
            } catch (RuntimeException e) {
                cluster.close();
                throw new IllegalStateException("cluster " + spec.name() + ": " + spec.nodes()
                        + " nodes not Ready within " + options.startupTimeout().toSeconds() + " s (containers' logs in "
                        + start.logDir() + ")", e);
            }
            listener.progress("cluster " + spec.name() + ": " + spec.nodes() + " nodes Ready, API " + cluster.apiServer()
                    + ", ingress http://127.0.0.1:" + cluster.ingress().getPort());
            return cluster;
        } catch (Exception | Error e) {
            for (int i = 0; i < started.size(); i++) {
                GenericContainer<?> container = started.get(i);
                String node = i == 0 ? alias : agentName(spec.name(), i);
                quietly(() -> keepLog(docker, container, start.logDir(), node), e);
                quietly(container::stop, e);
            }
            quietly(network::close, e);
            throw e;
        }
    }

    private static String agentName(String cluster, int number) {
        return cluster + "-agent-" + number;
    }

    /**
     * Names the container after the run and its node ({@code mch-1a2b3c4d-east-server}) and
     * follows its output into {@code <log dir>/<node>.log}: Testcontainers removes a container
     * that fails to start, and its log with it.
     */
    private static void logged(GenericContainer<?> container, Start start, String node) {
        container.withCreateContainerCmdModifier(cmd -> cmd.withName(start.runId() + "-" + node))
                .withLogConsumer(ContainerLogs.follow(start.logDir().resolve(node + ".log")));
    }

    /** Replaces the followed log with the whole one (every start of the container); nothing for one never created. */
    private static void keepLog(DockerClient docker, GenericContainer<?> container, Path logDir, String node) {
        if (container.getContainerId() != null) {
            ContainerLogs.keep(docker, container.getContainerId(), logDir.resolve(node + ".log"));
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public KubernetesClient client() {
        return client;
    }

    @Override
    public InetSocketAddress ingress() {
        return ingress.address();
    }

    /** The stable forwarder: the same address for the whole run, whatever port Docker publishes the server on. */
    @Override
    public InetSocketAddress apiServer() {
        return apiFront.address();
    }

    /** Lost while the server container is not running; Degraded while an agent is down or a node not Ready. */
    @Override
    public String status() {
        if (!"running".equals(Containers.state(docker, server.getContainerId()))) {
            return "Lost";
        }
        boolean agentsUp = agents.stream()
                .allMatch(a -> "running".equals(Containers.state(docker, a.getContainerId())));
        try {
            return agentsUp && readyNodes() == agents.size() + 1 ? "Healthy" : "Degraded";
        } catch (RuntimeException e) {
            return "Lost";
        }
    }

    private long readyNodes() {
        return client.nodes().list().getItems().stream().filter(K3sCluster::ready).count();
    }

    static boolean ready(Node node) {
        return node.getStatus() != null && node.getStatus().getConditions() != null
                && node.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** The last {@code count} agents (never the server, which holds the API), by the configured outage. */
    Heal loseNodes(int count, K3sOptions.NodeOutage outage) {
        synchronized (this) {
            requireOpen();
            if (count < 1 || count > agents.size()) {
                throw new IllegalArgumentException("cluster " + name + " has " + agents.size()
                        + " agent node(s) to lose (the server node keeps the API), asked for " + count);
            }
        }
        List<Heal> heals = new ArrayList<>();
        for (GenericContainer<?> agent : agents.subList(agents.size() - count, agents.size())) {
            heals.add(outage.fault().inject(docker, agent.getContainerId()));
        }
        return Heal.once(() -> heals.forEach(Heal::heal));
    }

    /** Stops the server container and the ingress; overlapping losses heal with the last one. */
    synchronized Heal lose() {
        requireOpen();
        if (losses++ == 0) {
            ingress.stop();
            apiFront.resetConnections();
            serverStopped = new StopContainer(Duration.ofSeconds(2)).inject(docker, server.getContainerId());
        }
        return Heal.once(this::healLoss);
    }

    private synchronized void healLoss() {
        if (--losses > 0 || closed) {
            return;
        }
        serverStopped.heal();
        // A restarted container may be published on other host ports: follow them.
        apiPort = Containers.hostPort(docker, server.getContainerId(), API_PORT).orElseThrow();
        nodePort = Containers.hostPort(docker, server.getContainerId(), NodePortRoutes.NODE_PORT).orElseThrow();
        KubernetesClient previous = client;
        client = newClient();
        previous.close();
        ingress.start();
    }

    private KubernetesClient newClient() {
        config.setMasterUrl("https://" + server.getHost() + ":" + apiPort);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<AutoCloseable> parts = new ArrayList<>(List.of(ingress::close, routes::close, apiFront::close, client::close));
        parts.add(() -> keepLog(docker, server, logDir, name + "-server"));
        for (int i = 0; i < agents.size(); i++) {
            GenericContainer<?> agent = agents.get(i);
            String node = agentName(name, i + 1);
            parts.add(() -> keepLog(docker, agent, logDir, node));
        }
        agents.forEach(agent -> parts.add(agent::stop));
        parts.add(server::stop);
        parts.add(network::close);
        Parts.closeAll("cluster " + name, parts.toArray(AutoCloseable[]::new));
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("cluster " + name + " is closed");
        }
    }

    private static void quietly(Runnable step, Throwable failure) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
