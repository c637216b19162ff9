package io.mch.harness.fault.clusterloss;

import io.mch.faults.Heal;
import io.mch.faults.spec.FaultSpec.ClusterLoss;
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
 * {@code cluster-loss: {cluster}}: a whole cluster (API server, nodes, ingress) becomes
 * unreachable, through the backend that owns it; existing clusters must allow it. Nothing in it
 * shrinks but its duration and start.
 */
public final class ClusterLossFault implements FaultType<ClusterLoss> {

    @Override
    public String name() {
        return "cluster-loss";
    }

    @Override
    public Class<ClusterLoss> specClass() {
        return ClusterLoss.class;
    }

    @Override
    public Optional<ClusterLoss> bind(Cursor body, FaultTargets targets) {
        return body.fields(List.of("cluster")).flatMap(f -> f.required("cluster", targets::cluster))
                .map(ClusterLoss::new);
    }

    @Override
    public String describe(ClusterLoss c) {
        return "cluster-loss of " + c.cluster();
    }

    @Override
    public Sides sides(ClusterLoss c) {
        return Sides.of(c.cluster());
    }

    /** A cluster loss has no duration of its own to compress. */
    @Override
    public ClusterLoss wall(ClusterLoss c, TimeScale scale) {
        return c;
    }

    @Override
    public ClusterLoss draw(String target, FaultDraws draws) {
        return new ClusterLoss(target);
    }

    @Override
    public List<Shrink<ClusterLoss>> shrinks() {
        return List.of();
    }

    @Override
    public Map<String, Object> yaml(ClusterLoss c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cluster", c.cluster());
        return body;
    }

    @Override
    public Optional<String> destroys(ClusterLoss c) {
        return Optional.of(c.cluster());
    }

    @Override
    public Heal inject(ClusterLoss c, Injectors injectors) {
        return injectors.clusters().loseCluster(c.cluster());
    }
}
