package io.mch.faults.nemesis;

import io.mch.faults.ClusterControl;
import io.mch.faults.Heal;
import io.mch.faults.Nemesis;
import io.mch.faults.spec.FaultSpec;

/** Node loss and cluster loss, delegated to the backend that owns the clusters' lifecycle. */
public final class ClusterNemesis implements Nemesis {

    private final ClusterControl control;

    public ClusterNemesis(ClusterControl control) {
        this.control = control;
    }

    @Override
    public boolean handles(FaultSpec spec) {
        return spec instanceof FaultSpec.NodeLoss || spec instanceof FaultSpec.ClusterLoss;
    }

    @Override
    public Heal inject(FaultSpec spec) {
        if (spec instanceof FaultSpec.NodeLoss loss) {
            return control.loseNodes(loss.cluster(), loss.count());
        }
        if (spec instanceof FaultSpec.ClusterLoss loss) {
            return control.loseCluster(loss.cluster());
        }
        throw new IllegalArgumentException("not a cluster fault: " + spec.type());
    }
}
