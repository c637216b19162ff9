package io.mch.harness.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A main class of the test class path in a JVM of its own, with a temporary folder of its own
 * (so what it leaves there is its alone) and its output in a log file: what the tests of stops
 * signal and kill. Closing it kills whatever of it is still alive.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path tmp;
    private final Path log;
    private List<ProcessHandle> family = List.of();

    private ChildJvm(Process process, Path tmp, Path log) {
        this.process = process;
        this.tmp = tmp;
        this.log = log;
    }

    /** Starts {@code main} with {@code args}; its temp folder and log are made in {@code dir}. */
    public static ChildJvm start(Path dir, List<String> jvmOptions, Class<?> main, String... args) throws IOException {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path log = dir.resolve("child.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-Dmch.fixtures=" + Path.of("../topology-fixtures").toAbsolutePath()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildJvm(process, tmp, log);
    }

    /** What it printed so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends SIGTERM; returns how long it took to exit, or empty when it had not exited within {@code within}. */
    public Optional<Duration> terminate(Duration within) throws InterruptedException {
        return signalled(process::destroy, within);
    }

    /** Sends SIGKILL and waits for the end. */
    public void kill() throws InterruptedException {
        signalled(process::destroyForcibly, Duration.ofSeconds(30));
    }

    private Optional<Duration> signalled(Runnable signal, Duration within) throws InterruptedException {
        family = process.descendants().toList();
        long sent = System.nanoTime();
        signal.run();
        boolean ended = process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
        return ended ? Optional.of(Duration.ofNanos(System.nanoTime() - sent)) : Optional.empty();
    }

    public int exitCode() {
        return process.exitValue();
    }

    /** What is left once it has ended: entries of its temp folder, and processes it started still alive. */
    public List<String> leftBehind() {
        List<String> left = new ArrayList<>();
        try (Stream<Path> entries = Files.list(tmp)) {
            entries.forEach(p -> left.add("temp " + p.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        family.stream().filter(ProcessHandle::isAlive).forEach(p -> left.add("process " + p.pid() + " " + p.info().command()));
        return left;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
