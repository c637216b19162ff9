package io.mch.harness.fabric;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.mch.harness.backend.Cluster;
import io.mch.harness.backend.Fleet;
import io.mch.harness.config.Step;
import io.mch.harness.config.Topology;
import io.mch.harness.network.Network;
import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.RunClock;
import io.mch.harness.runtime.RunContext;
import io.mch.harness.runtime.TimeScale;
import io.mch.reports.history.Event;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a fabric part may use during a run. Controllers reach other clusters only through the
 * {@link Network} (so partitions and latency act on them as on traffic), and use the cluster's
 * direct {@link Cluster#client()} only for their own cluster.
 *
 * @param run the run's clock (and time scale), history, seed, console and directory
 * @param topology the topology with every duration in wall time (see {@link Topology#wall(TimeScale)})
 * @param steps the scenario's steps: a cluster named by a later {@code federate} or
 *     {@code connect} is not a member of the fleet or the mesh until that step
 */
public record FabricContext(RunContext run, Topology topology, Fleet fleet, Network network, List<Step.Scheduled> steps) {

    /** Scenario time after which a call through the network to an unresponsive API gives up. */
    private static final Duration API_TIMEOUT = Duration.ofSeconds(5);

    public FabricContext {
        steps = List.copyOf(steps);
    }

    /** Scenario time, the axis of every event. */
    public RunClock clock() {
        return run.clock();
    }

    public TimeScale scale() {
        return run.scale();
    }

    /** Where events go (thread-safe). */
    public Consumer<Event> history() {
        return run.history();
    }

    public long seed() {
        return run.seed();
    }

    public Console console() {
        return run.console();
    }

    /** The run directory, for files a part writes (backups, the repository's working copy). */
    public Path runDir() {
        return run.runDir();
    }

    /**
     * A client for {@code to}'s API server as seen from {@code from}, through the network link
     * {@code from → to}: it is slowed by the region RTT, cut by partitions, and gives up after
     * 5 s of scenario time (wall time under a time scale) instead of hanging. The caller closes it.
     * The link proxy listens on a loopback address a real cluster's certificate does not name, so
     * hostname verification is off for these clients; the certificate is still checked against the
     * cluster's CA.
     */
    public KubernetesClient apiClient(String from, String to) {
        Cluster target = fleet.cluster(to);
        InetSocketAddress via = network.connect(from, to, target.apiServer());
        Config base = target.client().getConfiguration();
        String scheme = URI.create(base.getMasterUrl()).getScheme();
        int timeoutMs = (int) Math.max(200, scale().wall(API_TIMEOUT).toMillis());
        Config config = new ConfigBuilder(base)
                .withMasterUrl(scheme + "://" + via.getAddress().getHostAddress() + ":" + via.getPort())
                .withRequestTimeout(timeoutMs)
                .withConnectionTimeout(timeoutMs)
                .withRequestRetryBackoffLimit(0)
                .withWatchReconnectLimit(0)
                .withDisableHostnameVerification(true)
                .build();
        return new KubernetesClientBuilder().withConfig(config)
                .withKubernetesSerialization(target.client().getKubernetesSerialization()).build();
    }

    /** The address {@code from} calls to reach {@code to}'s ingress, through the network. */
    public InetSocketAddress ingress(String from, String to) {
        return network.connect(from, to, fleet.cluster(to).ingress());
    }

    /** Records a note for the event log. */
    public void note(String component, String cluster, String message) {
        history().accept(new Event.FabricNote(clock().ms(), component, cluster, message));
    }

    /**
     * Records a measured figure in scenario time; {@code wallResolution} is the wall-clock interval
     * of the observations it came from (stated in scenario time in the event).
     */
    public void measured(String name, String subject, long valueMs, Duration wallResolution, String detail) {
        history().accept(new Event.Measured(clock().ms(), name, subject, valueMs,
                scale().scenario(wallResolution).toMillis(), detail));
    }
}
