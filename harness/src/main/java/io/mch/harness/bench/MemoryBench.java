package io.mch.harness.bench;

import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.config.Scenario;
import io.mch.reports.judge.SloTargets;
import io.mch.harness.runtime.Console;
import io.mch.harness.run.ScenarioRun;
import io.mch.faults.spec.FaultSpec;
import io.mch.faults.spec.PartitionDirection;
import io.mch.faults.spec.ScheduledFault;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The harness's peak memory while it runs a 5-cluster scenario (with a partition): the JVM's
 * peak heap use, from the heap pools' peak counters, and the process's peak resident set.
 */
final class MemoryBench {

    private MemoryBench() {}

    record Figures(int clusters, Duration duration, double peakHeapMiB, double peakRssMiB, long probes) {}

    static Figures measure(int clusters, Duration duration, Path manifest) throws Exception {
        var topology = StartupBench.topology(clusters, manifest);
        var scenario = new Scenario(null, "memory-bench", "peak memory of a " + clusters + "-cluster run", topology,
                duration, OptionalLong.of(1), new Scenario.Traffic(20, Duration.ofSeconds(1)),
                List.of(new ScheduledFault(0, duration.dividedBy(3), Optional.of(duration.dividedBy(3)),
                        new FaultSpec.Partition(List.of("c1"), List.of("clients", "global-load-balancer"),
                                PartitionDirection.BOTH))),
                SloTargets.none());
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        Path dir = Files.createTempDirectory("mch-bench");
        try {
            var outcome = new ScenarioRun(scenario, new EmbeddedBackend(), 1, dir, Console.silent()).execute();
            long peakHeap = peakHeapBytes();
            long probes = Files.lines(dir.resolve("history.jsonl")).filter(l -> l.contains("\"probe\"")).count();
            return new Figures(clusters, duration, peakHeap / 1048576.0, peakRssKiB() / 1024.0, probes);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** The sum of the heap pools' peaks since they were last reset. */
    static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }

    /** VmHWM from /proc (Linux); 0 where it is not available. */
    static long peakRssKiB() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return 0;
        }
        return Files.readAllLines(status).stream()
                .filter(l -> l.startsWith("VmHWM:"))
                .map(l -> l.replaceAll("[^0-9]", ""))
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElse(0);
    }
}
