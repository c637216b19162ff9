package io.mch.reports.judge;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import java.util.List;

/**
 * The start of a run's traffic that latency figures leave out. The first seconds of probes pay for
 * mch's own start-up — JIT compilation, connection set-up through each link proxy — so the first
 * cross-cluster probes of a run take over a second and would otherwise set the p99 of every pair.
 * The warm-up is {@value #WALL_MS} ms of wall time from the run's first probe (longer in scenario
 * time when the run was time-compressed), stated in {@code run.json} and the report with how many
 * probes it left out. It is a fixed window, so a verdict depends on the history alone.
 */
public final class WarmUp {

    /** Wall-clock length of the warm-up; runs measured on 2 cores settle within about 2 s. */
    public static final long WALL_MS = 3_000;

    private WarmUp() {}

    /** The warm-up's length in scenario milliseconds. */
    public static long scenarioMs(History history) {
        double scale = history.start().map(Event.RunStarted::timeScale).orElse(1.0);
        return Math.round(WALL_MS * scale);
    }

    /** Scenario time at which the warm-up ends: the first probe's due time plus its length. */
    public static long endMs(History history) {
        long first = history.of(Event.Probe.class).mapToLong(Event.Probe::tMs).min().orElse(0);
        return first + scenarioMs(history);
    }

    /** The successful cross-cluster probes due after the warm-up: those latency figures rest on. */
    public static List<Event.Probe> crossClusterAfter(History history) {
        long end = endMs(history);
        return history.crossClusterProbes().stream().filter(Event.Probe::ok).filter(p -> p.tMs() >= end).toList();
    }
}
