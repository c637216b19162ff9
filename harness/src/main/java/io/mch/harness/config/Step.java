package io.mch.harness.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Something a scenario does to the fabric at a time that is not a fault: it does not heal. The
 * five fabric actions ({@code federate}, {@code connect}, {@code replicate}, {@code failover},
 * {@code sync}) and the GitOps edits ({@code commit}, {@code drift}). Each action is measured:
 * the fabric part that carries it out records how long it took to take full effect.
 */
public sealed interface Step {

    /** Its key in the scenario file ({@code commit}, {@code federate}, ...). */
    String kind();

    /** One scheduled step; {@code index} is its position in the scenario's {@code steps:} list. */
    record Scheduled(int index, Duration at, Step step) {}

    /** What a commit does to a file of an application's directory. */
    enum CommitOp {
        ADD,
        CHANGE,
        DELETE
    }

    /**
     * Changes the repository: {@code file} (relative to the application's first path) is added,
     * changed to {@code manifest}, or deleted.
     */
    record Commit(String application, CommitOp op, String file, Optional<Map<String, Object>> manifest)
            implements Step {
        public String kind() {
            return "commit";
        }
    }

    /**
     * Edits a live object on a cluster behind the GitOps controller's back: merges {@code patch}
     * into it, or deletes it. {@code namespace} defaults to {@code default}. The object's kind is
     * {@code objectKind}: {@link #kind()} is the step's kind, as for every step.
     */
    record Drift(String cluster, String objectKind, String namespace, String name, Optional<Map<String, Object>> patch,
            boolean delete) implements Step {
        public String kind() {
            return "drift";
        }
    }

    /** Joins {@code cluster} to the fleet (GitOps targets and policies); measured until fully consistent. */
    record Federate(String cluster) implements Step {
        public String kind() {
            return "federate";
        }
    }

    /** Joins {@code cluster} to the mesh; measured until cross-cluster discovery works both ways. */
    record Connect(String cluster) implements Step {
        public String kind() {
            return "connect";
        }
    }

    /** Replicates now from {@code from} to {@code to} (a backup and restore, or one replication pass); measured. */
    record Replicate(String from, String to) implements Step {
        public String kind() {
            return "replicate";
        }
    }

    /** A planned failover drill: promotes {@code to} (the standby); measured until it serves the traffic. */
    record Failover(String to) implements Step {
        public String kind() {
            return "failover";
        }
    }

    /** A commit (as {@link Commit}) measured until every target cluster has it. */
    record Sync(Commit commit) implements Step {
        public String kind() {
            return "sync";
        }
    }
}
