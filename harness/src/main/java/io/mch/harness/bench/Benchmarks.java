package io.mch.harness.bench;

import io.mch.harness.runtime.TimeScale;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The figures in docs/performance.md, printed as a table: cluster start-up time for N embedded
 * clusters, the link proxy's overhead as a ratio to a direct request measured in the same run, and
 * the peak memory of a 5-cluster scenario, and the time and size of a long run's HTML report. Run with {@code ./mch bench}.
 */
public final class Benchmarks {

    private Benchmarks() {}

    public static void run(List<Integer> clusterCounts, Path manifest, Duration memoryRun, PrintStream out)
            throws Exception {
        out.println("# cluster start-up (embedded backend)");
        out.println("clusters  fleet-up-s  workload-ready-s");
        for (int n : clusterCounts) {
            var f = StartupBench.measure(n, manifest);
            out.printf("%8d  %10.2f  %16.2f%n", f.clusters(), f.upSeconds(), f.readySeconds());
        }
        out.println();
        out.println("# link proxy overhead (no toxic), keep-alive HTTP GET on loopback");
        var p = ProxyBench.measure(2000);
        out.printf("requests %d: direct p50 %.3f ms p99 %.3f ms | proxied p50 %.3f ms p99 %.3f ms | p50 ratio %.2fx"
                        + " (+%.3f ms)%n", p.requests(), p.directMedianMs(), p.directP99Ms(), p.proxiedMedianMs(),
                p.proxiedP99Ms(), p.medianRatio(), p.proxiedMedianMs() - p.directMedianMs());
        out.println();
        out.println("# peak memory, 5-cluster scenario with a partition");
        var m = MemoryBench.measure(5, memoryRun, manifest);
        out.printf("clusters %d, %ds, %d probes: peak heap %.0f MiB, peak RSS %.0f MiB%n", m.clusters(),
                m.duration().toSeconds(), m.probes(), m.peakHeapMiB(), m.peakRssMiB());
        out.println();
        out.println("# report.html render, synthetic 10-minute run at 100 global probes/s");
        var r = RenderBench.measure(3, 5);
        out.printf("events %d (%d global probes): render median %.0f ms (min %.0f ms, %d renders after 3 warm-up),"
                + " report.html %.2f MB%n", r.events(), r.globalProbes(), r.medianMs(), r.minMs(), r.renders(),
                r.bytes() / 1e6);
    }

    /**
     * For each fleet size, a {@code run}-long fault-free run at each global probe rate, and what
     * mch kept of its schedule: the table of docs/performance.md's "highest probe rate".
     */
    public static void probeRates(List<Integer> clusterCounts, List<Double> rates, Duration run, Path manifest,
            PrintStream out) throws Exception {
        out.println("# probe rate kept (embedded backend, " + run.toSeconds() + " s per run, no fault)");
        out.println("clusters  rate/s  scheduled  missed-by-mch  missed-%  cut  worst-lag-ms  kept");
        for (int n : clusterCounts) {
            for (double rate : rates) {
                var f = ProbeRateBench.measure(n, rate, run, manifest);
                var p = f.probes();
                out.printf("%8d  %6.0f  %9d  %13d  %8.2f  %3d  %12.0f  %s%n", n, rate, p.scheduled(), p.missedByMch(),
                        p.scheduled() == 0 ? 0 : 100.0 * p.missedByMch() / p.scheduled(), p.cut(), p.worstLagMs(),
                        p.rateKept() ? "yes" : "NO");
            }
        }
    }

    /**
     * Fleet scale: for each size, a hub with size-1 spokes — fleet up, workload ready, then a short
     * scenario and its peak resident set (docs/performance.md).
     */
    public static void fleetScale(List<Integer> clusterCounts, Path fixtures, PrintStream out) throws Exception {
        out.println("# fleet scale: a hub and N-1 spokes (embedded backend), then a 40 s spoke-partition scenario");
        out.println("clusters  fleet-up-s  workload-ready-s  scenario-s  verdict  peak-heap-MiB  peak-RSS-MiB"
                + "  fault-late-s  cross-probes-sent  load(1m)");
        for (int n : clusterCounts) {
            var f = FleetScaleBench.measure(n, fixtures);
            out.printf("%8d  %10.2f  %16.2f  %10.1f  %7s  %13.0f  %12.0f  %12.1f  %17s  %.1f%n", f.clusters(),
                    f.upSeconds(), f.readySeconds(), f.runSeconds(), f.verdict(), f.peakHeapMiB(), f.peakRssMiB(),
                    f.faultLateSeconds(), f.crossSent() + "/" + f.crossScheduled(), ExploreBench.load());
        }
    }

    /**
     * Chaos search throughput: {@code runs} generated schedules of {@code scenario} at {@code scale}
     * on each lane count, with each count's ratio to the first (docs/performance.md).
     */
    public static void explore(Path scenario, TimeScale scale, int runs, List<Integer> lanes, PrintStream out)
            throws Exception {
        out.println("# chaos search throughput: " + runs + " runs of " + scenario.getFileName() + " at " + scale + " per lane"
                + " count, " + Runtime.getRuntime().availableProcessors() + " cores");
        out.println("lanes  runs  seconds  runs/min  cpu-s/run  decisive  load(1m) before-after");
        List<ExploreBench.Figure> figures = ExploreBench.measure(scenario, scale, runs, lanes, out);
        ExploreBench.Figure base = figures.get(0);
        for (ExploreBench.Figure f : figures.subList(1, figures.size())) {
            out.printf("%d lanes: %.2fx the runs a minute of %d lane(s)%n", f.lanes(), f.runsPerMinute() / base.runsPerMinute(),
                    base.lanes());
        }
    }
}
