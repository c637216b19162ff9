package io.mch.harness.run;

import io.mch.faults.Heal;
import io.mch.harness.backend.Cluster;
import io.mch.harness.backend.Fleet;
import java.util.List;

/** A fleet that hands everything to another: a test overrides the one operation it changes. */
class ForwardingFleet implements Fleet {

    private final Fleet inner;

    ForwardingFleet(Fleet inner) {
        this.inner = inner;
    }

    @Override
    public List<Cluster> clusters() {
        return inner.clusters();
    }

    @Override
    public boolean lost(String cluster) {
        return inner.lost(cluster);
    }

    @Override
    public Heal loseNodes(String cluster, int count) {
        return inner.loseNodes(cluster, count);
    }

    @Override
    public Heal loseCluster(String cluster) {
        return inner.loseCluster(cluster);
    }

    @Override
    public void close() {
        inner.close();
    }
}
