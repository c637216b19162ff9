package io.mch.faults.spec;

import java.time.Duration;
import java.util.List;

/**
 * A fault as validated data, independent of how it is injected, so a schedule can be stored,
 * generated, shrunk and replayed without touching a cluster. The interface is open: each fault
 * type of the harness brings its spec with it, and the records here are those whose injection this
 * module implements (the link proxies' partitions and latency, the backends' node and cluster loss).
 */
public interface FaultSpec {

    /** The type name used in scenario files and in {@code run.json}. */
    String type();

    /** Traffic between two groups of endpoints is blackholed, in one or both directions. */
    record Partition(List<String> between, List<String> and, PartitionDirection direction)
            implements FaultSpec {
        public Partition {
            between = List.copyOf(between);
            and = List.copyOf(and);
        }

        @Override
        public String type() {
            return "partition";
        }
    }

    /** Extra one-way delay (with jitter) on every path between two groups of endpoints. */
    record Latency(List<String> between, List<String> and, Duration add, Duration jitter)
            implements FaultSpec {
        public Latency {
            between = List.copyOf(between);
            and = List.copyOf(and);
        }

        @Override
        public String type() {
            return "latency";
        }
    }

    /** {@code count} worker nodes of a cluster stop: kubelet, heartbeats and their pods. */
    record NodeLoss(String cluster, int count) implements FaultSpec {
        @Override
        public String type() {
            return "node-loss";
        }
    }

    /** A whole cluster (API server, nodes, ingress) becomes unreachable. */
    record ClusterLoss(String cluster) implements FaultSpec {
        @Override
        public String type() {
            return "cluster-loss";
        }
    }
}
