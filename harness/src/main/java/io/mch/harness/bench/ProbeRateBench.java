package io.mch.harness.bench;

import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.config.Scenario;
import io.mch.reports.judge.SloTargets;
import io.mch.harness.run.ScenarioRun;
import io.mch.harness.runtime.Console;
import io.mch.reports.model.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Which global probe rate mch keeps on this machine for a fleet of N clusters: a short fault-free
 * run at each rate, and its schedule's account ({@link RunRecord.ProbeSchedule}): how many probes
 * were due, how many mch missed, the worst lag. A rate is kept when mch missed at most the share
 * {@link io.mch.reports.judge.ProbeLag#MAX_MISSED_PERCENT} allows.
 */
final class ProbeRateBench {

    private ProbeRateBench() {}

    record Figures(int clusters, double rate, RunRecord.ProbeSchedule probes) {}

    static Figures measure(int clusters, double ratePerSecond, Duration duration, Path manifest) throws Exception {
        var scenario = new Scenario(null, "probe-rate-bench", ratePerSecond + " probes/s over " + clusters + " clusters",
                StartupBench.topology(clusters, manifest), duration, OptionalLong.of(1),
                new Scenario.Traffic(ratePerSecond, Duration.ofSeconds(1)), List.of(), SloTargets.none());
        Path dir = Files.createTempDirectory("mch-bench");
        try {
            var outcome = new ScenarioRun(scenario, new EmbeddedBackend(), 1, dir, Console.silent()).execute();
            return new Figures(clusters, ratePerSecond, Optional.ofNullable(outcome.record().probes())
                    .orElseThrow(() -> new IllegalStateException("the run recorded no probe schedule")));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
