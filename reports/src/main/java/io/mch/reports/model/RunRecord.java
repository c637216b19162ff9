package io.mch.reports.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The contents of {@code run.json}. The first keys are a contract (see docs/contracts.md); the
 * {@code cluster_status}/{@code sync_status}/{@code health} triple keeps the output shape of the
 * multi-cluster skill the project grew from. {@code time_scale} says how many times faster than
 * real time the run went ({@code --time-scale}); every duration in the record is scenario time.
 * {@code measurements} are the figures the fabric measured (sync, federate, connect, RPO, RTO,
 * replication lag, convergence; see {@code Measurements}), empty for runs without them.
 * {@code probes} accounts for every probe of the schedule (absent in older records).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(
        String scenario,
        String topology,
        String backend,
        long seed,
        Verdict verdict,
        List<SloResult> slos,
        List<FaultWindow> faults,
        Map<String, ClusterStatus> clusterStatus,
        String syncStatus,
        List<Health> health,
        String description,
        long durationMs,
        double probeIntervalMs,
        String startedAt,
        String endReason,
        double timeScale,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Measurement> measurements,
        ProbeSchedule probes) {

    public RunRecord {
        timeScale = timeScale > 0 ? timeScale : 1;
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
    }

    /** A record without the probe schedule's account (runs recorded before it existed). */
    public RunRecord(String scenario, String topology, String backend, long seed, Verdict verdict, List<SloResult> slos,
            List<FaultWindow> faults, Map<String, ClusterStatus> clusterStatus, String syncStatus, List<Health> health,
            String description, long durationMs, double probeIntervalMs, String startedAt, String endReason,
            double timeScale, List<Measurement> measurements) {
        this(scenario, topology, backend, seed, verdict, slos, faults, clusterStatus, syncStatus, health, description,
                durationMs, probeIntervalMs, startedAt, endReason, timeScale, measurements, null);
    }

    /** A record without measurements. */
    public RunRecord(String scenario, String topology, String backend, long seed, Verdict verdict, List<SloResult> slos,
            List<FaultWindow> faults, Map<String, ClusterStatus> clusterStatus, String syncStatus, List<Health> health,
            String description, long durationMs, double probeIntervalMs, String startedAt, String endReason,
            double timeScale) {
        this(scenario, topology, backend, seed, verdict, slos, faults, clusterStatus, syncStatus, health, description,
                durationMs, probeIntervalMs, startedAt, endReason, timeScale, List.of());
    }

    /** A record of a run in real time. */
    public RunRecord(String scenario, String topology, String backend, long seed, Verdict verdict, List<SloResult> slos,
            List<FaultWindow> faults, Map<String, ClusterStatus> clusterStatus, String syncStatus, List<Health> health,
            String description, long durationMs, double probeIntervalMs, String startedAt, String endReason) {
        this(scenario, topology, backend, seed, verdict, slos, faults, clusterStatus, syncStatus, health, description,
                durationMs, probeIntervalMs, startedAt, endReason, 1);
    }

    /** This record with {@code reason} as how the run ended. */
    public RunRecord withEndReason(String reason) {
        return new RunRecord(scenario, topology, backend, seed, verdict, slos, faults, clusterStatus, syncStatus, health,
                description, durationMs, probeIntervalMs, startedAt, reason, timeScale, measurements, probes);
    }

    /** When a fault was active, in scenario milliseconds ({@code endMs} null: never healed). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FaultWindow(String type, long startMs, Long endMs, int index, String description) {}

    /**
     * Every probe of the schedule accounted for: sent, missed by mch (it could not send them on
     * time; see {@code Event.ProbeMissed}) or cut by the end; {@code rateKept} is false when mch
     * missed more than it may, and the run's timing verdicts are then UNKNOWN rather than FAIL.
     */
    public record ProbeSchedule(long scheduled, long sent, long missedByMch, long cut, double toleranceMs,
            double worstLagMs, boolean rateKept) {}

    /** A cluster's state at the end of the run. */
    public record ClusterStatus(String status, String region, String role) {}

    /** One entry of the {@code health} array. */
    public record Health(String cluster, String status) {}
}
