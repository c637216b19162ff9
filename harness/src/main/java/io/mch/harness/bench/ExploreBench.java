package io.mch.harness.bench;

import io.mch.faults.spec.ScheduledFault;
import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.config.ExploreSpec;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import io.mch.harness.explore.Generator;
import io.mch.harness.explore.Trials;
import io.mch.harness.runtime.TimeScale;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Chaos search throughput: the same generated schedules of a scenario run on 1 lane and then on
 * each other lane count, in one JVM after a warm-up, so the figures are ratios against a one-lane
 * baseline measured under the same load (printed with the load average, since the machine may be
 * shared).
 */
final class ExploreBench {

    /** One lane count's figure. */
    record Figure(int lanes, int runs, double seconds, double cpuSeconds, int decisive, double loadBefore, double loadAfter) {
        double runsPerMinute() {
            return runs * 60 / seconds;
        }
    }

    private ExploreBench() {}

    static List<Figure> measure(Path scenarioFile, TimeScale scale, int runs, List<Integer> lanes, PrintStream out)
            throws Exception {
        Scenario scenario = ScenarioLoader.load(scenarioFile, scale);
        ExploreSpec space = ScenarioLoader.explore(scenarioFile, scenario).orElseThrow(
                () -> new IllegalArgumentException(scenarioFile + ": no explore: section"));
        Generator generator = new Generator(scenario, space, 1);
        Path dir = Files.createTempDirectory("mch-explore-bench");
        try {
            timed(scenario, scale, dir.resolve("warm-up"), 1, generator, 2);
            List<Figure> figures = new ArrayList<>();
            for (int i = 0; i < lanes.size(); i++) {
                int l = lanes.get(i);
                // A lane count may be measured more than once (1,3,1,3 shows the drift of a warming JVM).
                Figure f = timed(scenario, scale, dir.resolve((i + 1) + "-lanes-" + l), l, generator, runs);
                out.printf("%5d  %4d  %7.1f  %8.1f  %11.2f  %8d  %.1f-%.1f%n", f.lanes(), f.runs(), f.seconds(),
                        f.runsPerMinute(), f.cpuSeconds() / f.runs(), f.decisive(), f.loadBefore(), f.loadAfter());
                figures.add(f);
            }
            return figures;
        } finally {
            delete(dir);
        }
    }

    private static Figure timed(Scenario scenario, TimeScale scale, Path dir, int lanes, Generator generator, int runs)
            throws IOException {
        double before = load();
        long cpu = cpuNanos();
        long start = System.nanoTime();
        List<Trials.Trial> done;
        try (Trials trials = new Trials(scenario, new EmbeddedBackend(), scale, 1, dir, lanes)) {
            List<Trials.Job> jobs = new ArrayList<>();
            for (int n = 0; n < runs; n++) {
                List<ScheduledFault> schedule = generator.schedule(n);
                jobs.add(new Trials.Job(String.format("run-%03d", n), Trials.withFaults(scenario, schedule)));
            }
            done = trials.runAll(jobs);
        }
        return new Figure(lanes, runs, (System.nanoTime() - start) / 1e9, (cpuNanos() - cpu) / 1e9,
                (int) done.stream().filter(Trials.Trial::decisive).count(), before, load());
    }

    /** CPU time of this JVM so far: what a run costs whatever else the machine runs. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The one-minute load average, or -1 where /proc/loadavg is not readable. */
    static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
