package io.mch.reports.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * One observation of a run, as written to {@code history.jsonl}. Verdicts and reports are computed
 * from these alone, never from what the harness intended, so a run can be judged and re-rendered
 * later. {@code tMs} is milliseconds of scenario time since the run started.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Event.RunStarted.class, name = "run-started"),
    @JsonSubTypes.Type(value = Event.Probe.class, name = "probe"),
    @JsonSubTypes.Type(value = Event.FaultStarted.class, name = "fault-started"),
    @JsonSubTypes.Type(value = Event.FaultHealed.class, name = "fault-healed"),
    @JsonSubTypes.Type(value = Event.Serving.class, name = "serving"),
    @JsonSubTypes.Type(value = Event.NodeStatus.class, name = "node-status"),
    @JsonSubTypes.Type(value = Event.ConsistencySample.class, name = "consistency"),
    @JsonSubTypes.Type(value = Event.RunEnded.class, name = "run-ended"),
    @JsonSubTypes.Type(value = Event.StepStarted.class, name = "step"),
    @JsonSubTypes.Type(value = Event.StepEnded.class, name = "step-ended"),
    @JsonSubTypes.Type(value = Event.SyncStatus.class, name = "sync-status"),
    @JsonSubTypes.Type(value = Event.Measured.class, name = "measured"),
    @JsonSubTypes.Type(value = Event.FabricNote.class, name = "fabric"),
    @JsonSubTypes.Type(value = Event.BackupTaken.class, name = "backup"),
    @JsonSubTypes.Type(value = Event.Restored.class, name = "restore"),
    @JsonSubTypes.Type(value = Event.ProbeMissed.class, name = "probe-missed"),
    @JsonSubTypes.Type(value = Event.ProbeAccount.class, name = "probe-account"),
})
public sealed interface Event {

    long tMs();

    /**
     * The run's frame: what was run and how often probes fire (their interval, in scenario time,
     * is the resolution of every time measured from probes), and how much faster than real time
     * it ran ({@code timeScale}; 1 when absent, as in histories written before it existed), and
     * the round-trip times between regions in scenario time ({@code rtts}; empty in older
     * histories), which the report's topology diagram labels its links with.
     */
    record RunStarted(
            long tMs,
            String scenario,
            String topology,
            String backend,
            long seed,
            long durationMs,
            double probeIntervalMs,
            double crossProbeIntervalMs,
            List<ClusterInfo> clusters,
            double timeScale,
            List<RegionRtt> rtts,
            @JsonInclude(JsonInclude.Include.NON_NULL) SloTargets slo)
            implements Event {

        public RunStarted {
            timeScale = timeScale > 0 ? timeScale : 1;
            rtts = rtts == null ? List.of() : List.copyOf(rtts);
        }

        /** A run without recorded SLO targets (histories written before they were recorded). */
        public RunStarted(long tMs, String scenario, String topology, String backend, long seed, long durationMs,
                double probeIntervalMs, double crossProbeIntervalMs, List<ClusterInfo> clusters, double timeScale,
                List<RegionRtt> rtts) {
            this(tMs, scenario, topology, backend, seed, durationMs, probeIntervalMs, crossProbeIntervalMs, clusters,
                    timeScale, rtts, null);
        }

        /** A run without recorded round-trip times. */
        public RunStarted(long tMs, String scenario, String topology, String backend, long seed, long durationMs,
                double probeIntervalMs, double crossProbeIntervalMs, List<ClusterInfo> clusters, double timeScale) {
            this(tMs, scenario, topology, backend, seed, durationMs, probeIntervalMs, crossProbeIntervalMs, clusters,
                    timeScale, List.of());
        }

        /** A run in real time. */
        public RunStarted(long tMs, String scenario, String topology, String backend, long seed, long durationMs,
                double probeIntervalMs, double crossProbeIntervalMs, List<ClusterInfo> clusters) {
            this(tMs, scenario, topology, backend, seed, durationMs, probeIntervalMs, crossProbeIntervalMs, clusters, 1);
        }
    }

    /**
     * The scenario's SLO targets, so a run killed before it wrote {@code run.json} can still be
     * judged from its history alone. Durations are scenario milliseconds; an absent target is null.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SloTargets(
            Long failoverTimeMaxMs,
            Integer latencyPercentile,
            Long latencyMaxMs,
            Double configConsistencyMinPercent,
            Double availabilityMinPercent,
            Double incidentsPerYear,
            Map<String, Long> measuredMaxMs,
            LatencyScope latencyScope) {

        public SloTargets {
            measuredMaxMs = measuredMaxMs == null ? Map.of() : java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(measuredMaxMs));
        }

        /** Targets without a latency scope (histories written before it existed judge all pairs). */
        public SloTargets(Long failoverTimeMaxMs, Integer latencyPercentile, Long latencyMaxMs,
                Double configConsistencyMinPercent, Double availabilityMinPercent, Double incidentsPerYear,
                Map<String, Long> measuredMaxMs) {
            this(failoverTimeMaxMs, latencyPercentile, latencyMaxMs, configConsistencyMinPercent,
                    availabilityMinPercent, incidentsPerYear, measuredMaxMs, null);
        }
    }

    /**
     * Which cross-cluster pairs a latency target judges: {@code kind} is {@code all},
     * {@code same-region}, {@code regions} (both clusters in one of {@code regions}) or
     * {@code pairs} (the named cluster pairs, either direction).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record LatencyScope(String kind, List<String> regions, List<List<String>> pairs) {

        public LatencyScope {
            regions = regions == null ? List.of() : List.copyOf(regions);
            pairs = pairs == null ? List.of() : pairs.stream().map(List::copyOf).toList();
        }
    }

    /** A cluster of the topology as the run saw it. */
    record ClusterInfo(String name, String region, String role, int nodes) {}

    /** The round-trip time between two regions, as the topology states it. */
    record RegionRtt(String a, String b, double rttMs) {}

    /**
     * One probe request. {@code source} is {@code clients} or the calling cluster; {@code target}
     * is {@code global} (through the global load balancer) or the called cluster. {@code tMs} is the
     * intended send time on the constant-rate schedule and {@code latencyMs} is measured from it,
     * which corrects for coordinated omission. {@code servedBy} is the cluster that answered, or null.
     */
    record Probe(
            long tMs,
            String source,
            String target,
            String servedBy,
            boolean ok,
            double latencyMs,
            String error)
            implements Event {}

    /**
     * A probe of the schedule that mch itself could not send on time: it was due at {@code tMs}
     * but the harness got to it {@code lagMs} late, beyond its send tolerance. The delay is mch's,
     * not the system's: it counts neither as a failure nor as a latency, and a run with many of
     * them did not keep its probe rate.
     */
    record ProbeMissed(long tMs, String source, String target, double lagMs) implements Event {}

    /**
     * Every probe of the schedule, accounted for when the traffic stopped: {@code scheduled} were
     * due, {@code sent} were recorded as probes, {@code missed} as {@link ProbeMissed}, and
     * {@code cut} were still waiting when the run ended. {@code toleranceMs} is how late a probe
     * may be sent (wall time), {@code worstLagMs} the largest lag seen.
     */
    record ProbeAccount(long tMs, long scheduled, long sent, long missed, long cut, double toleranceMs,
            double worstLagMs) implements Event {}

    /**
     * A fault was injected; {@code index} is its position in the scenario's fault list.
     * {@code between} and {@code and} are the two sides a partition or latency fault separates
     * (cluster names, {@code clients}, {@code global-load-balancer}); a node or cluster loss names
     * its cluster in {@code between} and leaves {@code and} empty. Histories written before the
     * sides were recorded read with both empty.
     */
    record FaultStarted(long tMs, int index, String fault, String description, List<String> between, List<String> and)
            implements Event {

        public FaultStarted {
            between = between == null ? List.of() : List.copyOf(between);
            and = and == null ? List.of() : List.copyOf(and);
        }

        /** A fault whose sides are not known. */
        public FaultStarted(long tMs, int index, String fault, String description) {
            this(tMs, index, fault, description, List.of(), List.of());
        }
    }

    /** The fault with this index was healed. */
    record FaultHealed(long tMs, int index, String fault) implements Event {}

    /** The global load balancer changed the cluster it answers with ({@code null}: none healthy). */
    record Serving(long tMs, String cluster, String reason) implements Event {}

    /** A node's Ready condition as the cluster's node controller set it. */
    record NodeStatus(long tMs, String cluster, String node, String status) implements Event {}

    /**
     * One sample of config consistency: whether the live spec of {@code object} in {@code cluster}
     * equals the desired spec. {@code settled} marks samples taken after the last fault healed and
     * the fabric had time to settle.
     */
    record ConsistencySample(long tMs, String cluster, String object, boolean matches, boolean settled)
            implements Event {}

    /** The run ended; {@code reason} is {@code completed}, {@code interrupted} or {@code failed: ...}. */
    record RunEnded(long tMs, String reason, Map<String, String> clusterStatus) implements Event {}

    /**
     * A scenario step (not a fault: it does not heal) was carried out; {@code index} is its
     * position in the scenario's {@code steps:} list, {@code step} its kind ({@code commit},
     * {@code federate}, ...).
     */
    record StepStarted(long tMs, int index, String step, String description) implements Event {}

    /**
     * How a started step ended: {@code done} when the fabric part carried it out (a measured action
     * goes on in the background and records its own {@code measured} event), else failed with
     * {@code detail}. Histories written before this event existed have none.
     */
    record StepEnded(long tMs, int index, String step, boolean done, String detail) implements Event {}

    /**
     * The GitOps controller's status of one (application, cluster) pair changed, in Argo CD's
     * words: {@code Synced}, {@code OutOfSync} (the repository has changes not yet applied),
     * {@code Modified} (the live object drifted from the repository) or {@code Unknown} (the
     * cluster cannot be reached).
     */
    record SyncStatus(long tMs, String application, String cluster, String status, String detail) implements Event {}

    /**
     * A figure the fabric measured from what it observed: {@code rpo}, {@code rto},
     * {@code replication-lag}, {@code federate}, {@code connect}, {@code replicate},
     * {@code failover-drill}, {@code sync}, ... {@code subject} says of what (a cluster, a pair
     * {@code a->b}, an application); {@code valueMs} is scenario time, known to within
     * {@code resolutionMs} (the interval of the observations it came from). {@code tMs} is when
     * the measurement completed.
     */
    record Measured(long tMs, String name, String subject, double valueMs, double resolutionMs, String detail)
            implements Event {}

    /**
     * Something the fabric did or saw that a reader of the event log needs (a backup taken, a
     * restore finished, a mesh peer's endpoints kept although stale, a commit applied).
     * {@code component} is {@code sync}, {@code mesh}, {@code replication}, {@code load-balancer};
     * {@code cluster} may be null.
     */
    record FabricNote(long tMs, String component, String cluster, String message) implements Event {}

    /**
     * A backup of {@code namespace} in {@code cluster} completed at {@code tMs} (scenario time) with
     * {@code objects} objects; its content is what the cluster held when it started
     * ({@code startedMs}), which is what a restore from it brings back.
     */
    record BackupTaken(long tMs, String cluster, String namespace, String backup, long startedMs, int objects)
            implements Event {}

    /**
     * A backup was restored into {@code cluster}: asked for at {@code triggerMs} ({@code trigger}
     * says why: {@code failover} when the source was found lost, {@code step} for a scenario step),
     * finished at {@code tMs}. {@code backupStartedMs} is the backup's content time (the RPO is
     * measured to it); {@code backup} is null when no backup existed yet, and then nothing was restored.
     */
    record Restored(long tMs, String cluster, String namespace, String backup, long backupStartedMs, long triggerMs,
            String trigger, int objects) implements Event {}
}
