package io.mch.harness.fault.nodeloss;

import io.mch.faults.Heal;
import io.mch.faults.spec.FaultSpec.NodeLoss;
import io.mch.harness.fault.FaultDraws;
import io.mch.harness.fault.FaultTargets;
import io.mch.harness.fault.FaultType;
import io.mch.harness.fault.Injectors;
import io.mch.harness.fault.Shrink;
import io.mch.harness.fault.Sides;
import io.mch.harness.input.Cursor;
import io.mch.harness.runtime.TimeScale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code node-loss: {cluster, count}}: {@code count} (default 1, at most the cluster's) worker
 * nodes stop, through the backend that owns them. It takes capacity away, so existing clusters
 * must allow it. A search draws the count from its {@code nodes} range; a shrink loses one node fewer.
 */
public final class NodeLossFault implements FaultType<NodeLoss> {

    @Override
    public String name() {
        return "node-loss";
    }

    @Override
    public Class<NodeLoss> specClass() {
        return NodeLoss.class;
    }

    @Override
    public Optional<NodeLoss> bind(Cursor body, FaultTargets targets) {
        return body.fields(List.of("cluster", "count")).flatMap(f -> {
            Optional<String> cluster = f.required("cluster", targets::cluster);
            Optional<Integer> count = f.optional("count", c -> c.atLeast(c.integer(), 1), 1);
            if (cluster.isEmpty() || count.isEmpty()) {
                return Optional.empty();
            }
            int nodes = targets.nodes(cluster.get());
            if (count.get() > nodes) {
                // A cluster has at least one node, so the default count never gets here.
                f.get("count").orElseThrow().problem(count.get() + " exceeds the " + nodes
                        + " nodes of cluster '" + cluster.get() + "'");
                return Optional.empty();
            }
            return Optional.of(new NodeLoss(cluster.get(), count.get()));
        });
    }

    @Override
    public String describe(NodeLoss n) {
        return "node-loss of " + n.count() + " node(s) in " + n.cluster();
    }

    @Override
    public Sides sides(NodeLoss n) {
        return Sides.of(n.cluster());
    }

    /** The nodes' own timings come from the backend, which the run compresses as a whole. */
    @Override
    public NodeLoss wall(NodeLoss n, TimeScale scale) {
        return n;
    }

    @Override
    public NodeLoss draw(String target, FaultDraws draws) {
        return new NodeLoss(target, draws.nodes(target));
    }

    @Override
    public List<Shrink<NodeLoss>> shrinks() {
        return List.of(new Shrink<>("nodes",
                n -> n.count() > 1 ? Optional.of(new NodeLoss(n.cluster(), n.count() - 1)) : Optional.empty(),
                n -> String.valueOf(n.count())));
    }

    @Override
    public Map<String, Object> yaml(NodeLoss n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cluster", n.cluster());
        body.put("count", n.count());
        return body;
    }

    @Override
    public Optional<String> destroys(NodeLoss n) {
        return Optional.of(n.cluster());
    }

    @Override
    public Heal inject(NodeLoss n, Injectors injectors) {
        return injectors.clusters().loseNodes(n.cluster(), n.count());
    }
}
