package io.mch.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mch.harness.run.RunDirectory;
import io.mch.harness.run.SignalStop;
import io.mch.harness.runtime.ChildJvm;
import io.mch.reports.RunFiles;
import io.mch.reports.history.HistoryLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mch run} in a JVM of its own, stopped with SIGTERM and killed with SIGKILL at several
 * moments (clusters starting, probes flowing, a partition active), {@code mch.stop.trials} times
 * each (default 1): a stopped run ends within the bound with a valid {@code run.json}, its end
 * reason and the report; a killed one leaves a history {@code mch report} renders, and what it
 * could leave half written {@code mch heal} sweeps; neither leaves a temporary folder (no Vert.x
 * cache either) or a process. Prints how many trials were clean.
 */
class StopTrialsTest {

    private static final int TRIALS = Integer.getInteger("mch.stop.trials", 1);
    private static final Duration BOUND = SignalStop.HARD.plusSeconds(10);
    private static final Duration UP = Duration.ofSeconds(120);

    /** When the signal comes, by what the run has shown so far. */
    private record Moment(String name, Predicate<String> reached) {}

    private static final List<Moment> MOMENTS = List.of(
            new Moment("starting", history -> history.contains("\"run-started\"")),
            new Moment("probing", history -> history.contains("\"probe\"")),
            new Moment("partitioned", history -> history.contains("\"fault-started\"")));

    @TempDir
    Path dir;

    @Test
    void stoppedAndKilledRunsLeaveValidFilesAndNothingElse() throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), """
                name: stopped
                topology: active-passive
                duration: 5m
                traffic: { rate: 20/s }
                faults:
                  - at: 3s
                    for: 1m
                    partition: { between: [us-east], and: [clients, global-load-balancer] }
                slo:
                  availability: { min: 99% }
                """);
        List<String> unclean = new ArrayList<>();
        Duration longest = Duration.ZERO;
        for (int trial = 0; trial < TRIALS * MOMENTS.size(); trial++) {
            Moment moment = MOMENTS.get(trial % MOMENTS.size());
            Path term = Files.createDirectories(dir.resolve("term-" + trial));
            try (ChildJvm run = started(scenario, term, moment)) {
                Optional<Duration> took = run.terminate(BOUND);
                if (took.isPresent() && took.get().compareTo(longest) > 0) {
                    longest = took.get();
                }
                problems("SIGTERM " + moment.name(), took.isEmpty() ? "not ended within " + BOUND : stopped(term),
                        run, unclean);
            }
            Path kill = Files.createDirectories(dir.resolve("kill-" + trial));
            try (ChildJvm run = started(scenario, kill, moment)) {
                run.kill();
                problems("SIGKILL " + moment.name(), killed(kill), run, unclean);
            }
        }
        int trials = TRIALS * MOMENTS.size();
        System.out.printf("stops: SIGTERM %d/%d clean (longest %.1f s from the signal), SIGKILL %d/%d clean%n",
                trials - unclean.stream().filter(u -> u.startsWith("SIGTERM")).count(), trials, longest.toMillis() / 1000.0,
                trials - unclean.stream().filter(u -> u.startsWith("SIGKILL")).count(), trials);
        assertThat(unclean).isEmpty();
    }

    private static ChildJvm started(Path scenario, Path dir, Moment moment) throws Exception {
        ChildJvm run = ChildJvm.start(dir, List.of(), MchCommand.class,
                "run", scenario.toString(), "--out", dir.resolve("run").toString());
        Path history = dir.resolve("run/history.jsonl");
        await(moment.name()).atMost(UP)
                .until(() -> Files.exists(history) && moment.reached().test(Files.readString(history)));
        return run;
    }

    /** What is wrong with a stopped run's files, or null. */
    private static String stopped(Path dir) {
        Path run = dir.resolve("run");
        try {
            String reason = RunFiles.readRunJson(run).endReason();
            HistoryLog.read(run.resolve("history.jsonl"));
            if (reason == null || !reason.startsWith("interrupted")) {
                return "end reason " + reason;
            }
            return Files.isRegularFile(run.resolve("report.html")) ? null : "no report.html";
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    /**
     * What is wrong with a killed run's history, or null. A kill during the last write of
     * {@code run.json} would leave {@code run.json.tmp} too, which {@code mch heal} removes.
     */
    private static String killed(Path dir) throws Exception {
        Path run = dir.resolve("run");
        int code = MchCommand.execute("report", run.toString());
        if (code != 0 || !Files.isRegularFile(run.resolve("report.html"))) {
            return "mch report exit " + code;
        }
        Path partial = Files.writeString(run.resolve(RunFiles.RUN_JSON + ".tmp"), "{\"scenario\":");
        code = MchCommand.execute("heal", "--backend", "embedded", "--runs", dir.toString());
        return code == 0 && !Files.exists(partial) && Files.exists(run.resolve(RunDirectory.MARKER)) ? null
                : "mch heal exit " + code + ", left " + partial;
    }

    private static void problems(String trial, String files, ChildJvm run, List<String> unclean) {
        List<String> left = run.leftBehind();
        if (files != null || !left.isEmpty()) {
            String output = run.output();
            unclean.add(trial + ": " + (files == null ? "" : files + "; ") + "left " + left + "; its output ends: "
                    + output.substring(Math.max(0, output.length() - 2000)));
        }
    }
}
