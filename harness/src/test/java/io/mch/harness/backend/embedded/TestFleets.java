package io.mch.harness.backend.embedded;

import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.RunClock;
import io.mch.harness.runtime.RunContext;
import io.mch.reports.history.Event;
import io.mch.harness.config.Topology;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Topologies, short timings and an HTTP client for the embedded backend's tests. */
final class TestFleets {

    static final Path MANIFEST = Path.of("..", "topology-fixtures", "workloads", "api-server.yaml");
    static final String SERVICE = "api-server";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private TestFleets() {}

    /** Kubelets and controllers ticking fast, so node loss plays out in seconds. */
    static SimulatorTimings fastTimings(Duration upstreamTimeout) {
        return new SimulatorTimings(
                Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100), upstreamTimeout);
    }

    /** Clusters of three nodes each, in regions r1, r2, ... */
    static Topology topology(Duration gracePeriod, Duration evictionTimeout, String... clusters) {
        List<Topology.ClusterSpec> specs = Stream.iterate(0, i -> i + 1)
                .limit(clusters.length)
                .map(i -> new Topology.ClusterSpec(clusters[i], "r" + (i + 1), Topology.Role.PEER, 3, Map.of()))
                .toList();
        return new Topology(
                Path.of("test-topology.yaml"),
                "test",
                specs,
                new Topology.NetworkSpec(List.of(), "r1"),
                new Topology.KubernetesTimings(gracePeriod, evictionTimeout),
                new Topology.FabricSpec(Optional.empty()),
                new Topology.WorkloadSpec(List.of(MANIFEST), SERVICE));
    }

    static HttpResponse<String> get(InetSocketAddress ingress, String path, Duration timeout)
            throws IOException, InterruptedException {
        URI uri = URI.create("http://" + ingress.getAddress().getHostAddress() + ":" + ingress.getPort() + path);
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A run context that keeps the latest Ready status the backend reported for each node, and every report. */
    static final class RecordingRun {
        final Map<String, String> nodeStatus = new ConcurrentHashMap<>();
        final List<String> history = new java.util.concurrent.CopyOnWriteArrayList<>();
        final RunContext context = new RunContext(RunClock.startingNow(), this::record, 0, Console.silent(),
                Path.of("target"));

        private void record(Event event) {
            if (event instanceof Event.NodeStatus status) {
                nodeStatus.put(status.node(), status.status());
                history.add(status.node() + "=" + status.status());
            }
        }
    }
}
