package io.mch.harness.load;

import io.mch.harness.config.Scenario;
import io.mch.harness.input.Quantities;
import io.mch.harness.runtime.Console;
import io.mch.reports.html.HtmlReport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A scenario's {@code load:}, run by Gatling in a JVM of its own (its Netty clashes with the
 * harness's, and its main calls {@code System.exit}). The child's lifetime is bounded twice: the
 * simulation stops itself after its duration, and closing this destroys it with any processes it
 * started, so nothing outlives the run even when it fails or is interrupted; and the child halts
 * on its own when this JVM dies unannounced (SIGKILL), by watching the pipe of its standard input. Gatling's output goes
 * to {@code gatling.log} and its HTML report to a folder beside it.
 */
public final class GatlingLoad implements AutoCloseable {

    public static final String SIMULATION = "io.mch.scenarios.load.MchSimulation";
    /**
     * The child's entry point: runs Gatling and halts when this JVM's end of the child's standard
     * input closes, which happens also when this JVM is killed (SIGKILL runs no shutdown hook).
     */
    private static final String PARENT_WATCH = "io.mch.scenarios.load.ParentWatch";
    /** Time to let Gatling write its report after the load ended. */
    private static final Duration REPORT_GRACE = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Path dir;
    private final Console console;
    private Process process;

    /**
     * Inert until {@link #start}; {@code dir} ({@code <run dir>/gatling}, where the run report
     * looks) receives {@code gatling.log} and Gatling's report.
     */
    public GatlingLoad(Path dir, Console console) {
        this.dir = dir;
        this.console = console;
    }

    /**
     * Forks Gatling. The load starts at {@code startEpochMs} however long the JVM takes to come up;
     * each virtual user asks {@code dns} for the cluster serving {@code service} and calls it at its
     * address in {@code clusters} (the clients' links).
     */
    public void start(Scenario.Load load, InetSocketAddress dns, Map<String, InetSocketAddress> clusters, String service,
            Duration timeout, long startEpochMs) throws IOException {
        if (process != null) {
            throw new IllegalStateException("load already started");
        }
        Path home = GatlingClasspath.home();
        String classpath = GatlingClasspath.read(home);
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                // Gatling's stats writer reads String internals, as its own launchers allow.
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "-cp", classpath,
                "-Dmch.load.dns=" + address(dns),
                "-Dmch.load.clusters=" + clusters.entrySet().stream()
                        .map(e -> e.getKey() + "=" + address(e.getValue())).collect(Collectors.joining(",")),
                "-Dmch.load.service=" + service,
                "-Dmch.load.from=" + load.fromPerSecond(),
                "-Dmch.load.to=" + load.toPerSecond(),
                "-Dmch.load.duration-ms=" + load.duration().toMillis(),
                "-Dmch.load.timeout-ms=" + timeout.toMillis(),
                "-Dmch.load.start-epoch-ms=" + startEpochMs,
                PARENT_WATCH, "io.gatling.app.Gatling", "--simulation", SIMULATION, "--results-folder", dir.toString()));
        // Standard input stays a pipe held open by this JVM: the child's watch on it (see PARENT_WATCH).
        process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("gatling.log").toFile())
                .start();
        console.progress("load: Gatling started (pid " + process.pid() + "), " + profile(load) + " from "
                + Quantities.format(load.at()) + " for " + Quantities.format(load.duration()) + "; log "
                + dir.resolve("gatling.log"));
    }

    /**
     * At the scenario's end: lets Gatling finish its report (its load has ended by now), then
     * stops it if it is still running. With {@code graceful} false (interrupted run) it stops at once.
     */
    public void finish(boolean graceful) throws InterruptedException {
        if (process == null) {
            return;
        }
        if (graceful && !process.waitFor(REPORT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            console.progress("load: Gatling still running " + REPORT_GRACE.toSeconds() + "s after the load ended;"
                    + " stopping it");
        }
        stop();
        String ended = process.isAlive() ? "still stopping" : "exit " + process.exitValue();
        Optional<String> report = HtmlReport.gatlingReport(dir.getParent());
        console.progress("load: Gatling ended (" + ended + ")" + report
                .map(r -> ", report " + dir.resolveSibling(r))
                .orElse(", no report; see " + dir.resolve("gatling.log")));
    }

    @Override
    public void close() {
        if (process != null) {
            stop();
        }
    }

    /** SIGTERM to Gatling and anything it started, then SIGKILL to whatever is left after a grace. */
    private void stop() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static String profile(Scenario.Load load) {
        return load.ramp()
                ? "ramp " + rate(load.fromPerSecond()) + " to " + rate(load.toPerSecond())
                : rate(load.fromPerSecond());
    }

    private static String rate(double perSecond) {
        return (perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond)) + "/s";
    }

    private static String address(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
