package io.mch.harness.backend.embedded;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mch.faults.Heal;
import io.mch.harness.backend.support.ApiGate;
import io.mch.harness.backend.BackendListener;
import io.mch.harness.backend.Cluster;
import io.mch.harness.backend.support.Parts;
import io.mch.harness.config.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * One embedded cluster: its API server, its simulator and its ingress, all on the loopback address
 * 127.0.N.1 of the N-th cluster so that each cluster is its own network endpoint (link proxies and
 * partitions can tell them apart). Faults act on the simulator and ingress only; the API server
 * keeps running, because the harness reads cluster state through it even while the cluster is
 * "lost" to everyone else, and the CRUD mock would lose its objects if stopped.
 */
final class EmbeddedCluster implements Cluster, AutoCloseable {

    private final String name;
    private final ApiServer api;
    private final Simulator simulator;
    private final Ingress ingress;
    private final ApiGate apiGate;
    private Heal gateShut;
    private int losses;
    private boolean closed;

    private EmbeddedCluster(String name, ApiServer api, Simulator simulator, Ingress ingress, ApiGate apiGate) {
        this.name = name;
        this.api = api;
        this.simulator = simulator;
        this.ingress = ingress;
        this.apiGate = apiGate;
    }

    /**
     * Starts the cluster at position {@code index} (0-based) of the topology; on failure, stops
     * whatever part already runs.
     */
    static EmbeddedCluster start(
            Topology topology, int index, SimulatorTimings timings, long seed, BackendListener listener)
            throws UnknownHostException {
        Topology.ClusterSpec spec = topology.clusters().get(index);
        InetAddress address = InetAddress.getByAddress(new byte[] {127, 0, (byte) (index + 1), 1});
        ApiServer api = ApiServer.start(address);
        Simulator simulator = null;
        Ingress ingress = null;
        ApiGate apiGate = null;
        try {
            simulator = new Simulator(
                    spec.name(),
                    spec.region(),
                    spec.nodes(),
                    index + 1,
                    api.client(),
                    topology.kubernetes().nodeMonitorGracePeriod(),
                    topology.kubernetes().podEvictionTimeout(),
                    timings,
                    seed * 31 + index,
                    listener);
            simulator.start();
            EndpointsController endpoints = simulator.endpoints();
            ingress = new Ingress(spec.name(), address, endpoints::ready, simulator::nodeAlive, timings.upstreamTimeout());
            ingress.start();
            listener.progress("cluster " + spec.name() + ": API " + api.url() + ", " + spec.nodes()
                    + " nodes, ingress http://" + address.getHostAddress() + ":" + ingress.address().getPort());
            apiGate = ApiGate.open(spec.name(), address, new InetSocketAddress(address, api.port()), seed);
            return new EmbeddedCluster(spec.name(), api, simulator, ingress, apiGate);
        } catch (RuntimeException | IOException e) {
            Parts.closeQuietly(apiGate, e);
            Parts.closeQuietly(ingress, e);
            Parts.closeQuietly(simulator, e);
            Parts.closeQuietly(api, e);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** Shared with the simulator; do not close it, the fleet does. */
    @Override
    public KubernetesClient client() {
        return api.client();
    }

    @Override
    public InetSocketAddress ingress() {
        return ingress.address();
    }

    @Override
    public InetSocketAddress apiServer() {
        return apiGate.address();
    }

    @Override
    public synchronized String status() {
        if (losses > 0) {
            return "Lost";
        }
        boolean allReady = simulator.nodeReadiness().values().stream().allMatch("True"::equals);
        return allReady ? "Healthy" : "Degraded";
    }

    /** Stops kubelets (see {@link Simulator#stopKubelets}); the heal restarts them. */
    Heal loseNodes(int count, String workloadService) {
        List<String> stopped;
        synchronized (this) {
            requireOpen();
            stopped = simulator.stopKubelets(count, workloadService);
        }
        return Heal.once(() -> simulator.restartKubelets(stopped));
    }

    /**
     * Stops the ingress and pauses the simulator. Losses may overlap: the cluster comes back when
     * the last of them heals.
     */
    synchronized Heal lose() {
        requireOpen();
        if (losses++ == 0) {
            ingress.stop();
            simulator.pause();
            gateShut = apiGate.shut();
        }
        return Heal.once(this::healLoss);
    }

    private synchronized void healLoss() {
        if (--losses == 0 && !closed) {
            gateShut.heal();
            simulator.resume();
            ingress.start();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        Parts.closeAll("cluster " + name, apiGate, ingress, simulator, api);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("cluster " + name + " is closed");
        }
    }

}
