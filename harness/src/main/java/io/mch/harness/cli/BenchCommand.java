package io.mch.harness.cli;

import io.mch.harness.bench.Benchmarks;
import io.mch.harness.runtime.TimeScale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mch bench}: the performance figures of docs/performance.md, measured on this machine. */
@Command(name = "bench", description = "Measure cluster start-up, link-proxy overhead and peak memory.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--clusters", split = ",", defaultValue = "2,5,10", description = "Fleet sizes to start (default 2,5,10).")
    List<Integer> clusters;

    @Option(names = "--memory-run", defaultValue = "30", description = "Seconds of the 5-cluster memory run (default 30).")
    int memoryRunSeconds;

    @Option(names = "--probe-rates", split = ",", paramLabel = "RATE",
            description = "Instead of the other figures: which of these global probe rates (per second) mch keeps"
                    + " for each --clusters size, one short run each.")
    List<Double> probeRates;

    @Option(names = "--probe-run", defaultValue = "20", description = "Seconds of each probe-rate run (default 20).")
    int probeRunSeconds;

    @Option(names = "--explore-lanes", split = ",", paramLabel = "L",
            description = "Instead of the other figures: chaos search runs a minute at ×20 on each of these lane"
                    + " counts (the first is the baseline), e.g. 1,3.")
    List<Integer> exploreLanes;

    @Option(names = "--explore-runs", defaultValue = "12", description = "Runs per lane count of --explore-lanes (default 12).")
    int exploreRuns;

    @Option(names = "--fleet-scale", description = "Instead of the other figures: a hub with N-1 spokes for each"
            + " --clusters size N (fleet up, workload ready, a 40 s scenario and its peak RSS), e.g. --clusters 10,25,50,100.")
    boolean fleetScale;

    @Override
    public Integer call() throws Exception {
        Path manifest = Path.of(System.getProperty("mch.fixtures", "topology-fixtures"), "workloads", "api-server.yaml");
        if (!Files.isRegularFile(manifest)) {
            System.err.println("mch: " + manifest + " not found: run bench from the mch checkout (./mch bench)");
            return MchCommand.BAD_INPUT;
        }
        if (exploreLanes != null) {
            Path scenario = Path.of(System.getProperty("mch.home", "."), "scenarios", "explore-weak-standby.yaml");
            Benchmarks.explore(scenario, new TimeScale(20), exploreRuns, exploreLanes, System.out);
            return MchCommand.PASS;
        }
        if (fleetScale) {
            Benchmarks.fleetScale(clusters, manifest.getParent().getParent(), System.out);
            return MchCommand.PASS;
        }
        if (probeRates != null) {
            Benchmarks.probeRates(clusters, probeRates, Duration.ofSeconds(probeRunSeconds), manifest, System.out);
            return MchCommand.PASS;
        }
        Benchmarks.run(clusters, manifest, Duration.ofSeconds(memoryRunSeconds), System.out);
        return MchCommand.PASS;
    }
}
