package io.mch.reports.model;

import java.util.List;

/**
 * What one {@code mch explore} (or one shard of it) did, written as {@code explore.json} beside its
 * runs: enough to render its summary page and to merge shards into one summary without reading the
 * runs again. Paths ({@code runs}, {@code file}) are relative to the explore directory, so the
 * directory can be moved, archived or downloaded as a CI artifact.
 *
 * @param shard {@code I/N}, or {@code 1/1} for a whole search
 * @param vote when a schedule counts as breaking: {@code K/N} runs
 * @param finding the shrunk, written and replayed breach; null when none was found
 * @param undecidedRuns runs that decided nothing (the harness failed, or mch could not keep the
 *     probe rate: a machine too busy for the time scale)
 */
public record ExploreRecord(
        String scenario,
        long seed,
        String timeScale,
        String shard,
        int lanes,
        String vote,
        int triesBudget,
        List<Try> tries,
        List<Step> shrink,
        Finding finding,
        int runs,
        int undecidedRuns,
        long wallMs,
        int faultsInjected,
        long scenarioMs) {

    /** One generated schedule (number from 1, global across shards) and its runs (a breach is voted on). */
    public record Try(int number, String schedule, String result, List<String> runs) {}

    /** One shrink candidate: what it changed from the kept schedule, and how its runs voted. */
    public record Step(int number, String change, String schedule, int breaks, int runs, boolean kept, List<String> dirs) {}

    /**
     * The written breach: the try that found it, its size before and after shrinking, the kept
     * changes, and how many of the written file's replays broke the same SLO.
     */
    public record Finding(
            String slo,
            int tryNumber,
            int foundFaults,
            int faults,
            String schedule,
            String file,
            List<String> shrunk,
            int replays,
            int replaysBroke,
            boolean reproduced,
            List<String> replayDirs) {}

    /** Runs per minute of wall time, the throughput figure of docs/performance.md. */
    public double runsPerMinute() {
        return wallMs <= 0 ? 0 : runs * 60_000.0 / wallMs;
    }
}
