package io.mch.harness.fabric.balancer;

import io.mch.harness.fabric.FabricContext;
import io.mch.harness.fabric.Fabric;
import io.mch.harness.backend.Cluster;
import io.mch.harness.backend.Fleet;
import io.mch.harness.config.Step;
import io.mch.harness.config.Topology;
import io.mch.harness.config.Topology.GlobalLoadBalancerSpec;
import io.mch.harness.network.Endpoints;
import io.mch.harness.network.Network;
import io.mch.reports.history.Event;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The global load balancer as deployed: one view beside the clients ({@code views: single}), or
 * one in every cluster ({@code views: per-cluster}, k8gb's design), where each view checks its own
 * cluster directly and its peers through the network, and the clients' resolver asks the views
 * through their links to each cluster. A partition between clusters then leaves each side's view
 * seeing only itself, and clients get different answers depending on whom they ask — the split
 * view the report shows as serving changes per view. A view dies with its cluster: a lost
 * cluster's name server answers nothing.
 */
public final class LoadBalancerViews implements Fabric {

    private final List<GlobalLoadBalancer> views = new ArrayList<>();
    private final List<InetSocketAddress> nameservers = new ArrayList<>();

    private LoadBalancerViews() {}

    /**
     * Starts the views of the context topology's load balancer; the fleet's ingresses are reached
     * through the context's network.
     */
    public static LoadBalancerViews start(GlobalLoadBalancerSpec spec, FabricContext ctx) throws IOException {
        LoadBalancerViews all = new LoadBalancerViews();
        Fleet fleet = ctx.fleet();
        try {
            if (spec.views() == Topology.Views.SINGLE) {
                all.add(spec, ctx, Endpoints.GLOBAL_LOAD_BALANCER, ctx.history()::accept, ctx.seed());
            } else {
                for (Cluster location : fleet.clusters()) {
                    String name = location.name();
                    all.add(spec, ctx, name, e -> ctx.history().accept(new Event.Serving(e.tMs(), e.cluster(),
                            "view of " + name + ": " + e.reason())), ctx.seed() + all.views.size());
                    all.views.get(all.views.size() - 1).runsWhile(() -> !fleet.lost(name));
                }
            }
            return all;
        } catch (IOException | RuntimeException e) {
            all.close();
            throw e;
        }
    }

    private void add(GlobalLoadBalancerSpec spec, FabricContext ctx, String location, Consumer<Event.Serving> sink,
            long seed) throws IOException {
        GlobalLoadBalancer view = GlobalLoadBalancer.start(spec, ctx.topology(),
                checks(location, ctx.fleet(), ctx.network()), ctx.topology().workload().service(), sink, seed,
                ctx.clock()::ms);
        views.add(view);
        nameservers.add(ctx.network().connect(Endpoints.CLIENTS, location, view.dnsAddress()));
    }

    /** Every cluster's ingress as the view at {@code location} reaches it: its own directly, others through the network. */
    private static Map<String, InetSocketAddress> checks(String location, Fleet fleet, Network network) {
        Map<String, InetSocketAddress> checks = new LinkedHashMap<>();
        for (Cluster c : fleet.clusters()) {
            checks.put(c.name(), c.name().equals(location) ? c.ingress() : network.connect(location, c.name(), c.ingress()));
        }
        return checks;
    }

    /** The name servers as the clients reach them, through their links. */
    public List<InetSocketAddress> nameservers() {
        return List.copyOf(nameservers);
    }

    /** A planned failover is carried out by every view. */
    @Override
    public boolean perform(Step.Scheduled step) {
        boolean done = false;
        for (GlobalLoadBalancer view : views) {
            done |= view.perform(step);
        }
        return done;
    }

    @Override
    public void close() {
        views.forEach(GlobalLoadBalancer::close);
    }
}
