package io.mch.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * {@code mch} in a JVM of its own: the Java that runs Maven, the plugin's resolved dependencies
 * (the harness and its libraries) as classpath, the project's base directory as working
 * directory, and the child's output in the build's. The run's exit code is the command line's.
 */
final class ForkedRun {

    static final String MAIN = "io.mch.harness.cli.MchCommand";

    private final String classpath;
    private final List<String> jvmArgs;
    private final Path workingDirectory;

    ForkedRun(List<Artifact> artifacts, List<String> jvmArgs, Path workingDirectory) {
        this.classpath = artifacts.stream()
                .filter(a -> a.getFile() != null && !Artifact.SCOPE_PROVIDED.equals(a.getScope()))
                .map(a -> a.getFile().getAbsolutePath())
                .collect(Collectors.joining(File.pathSeparator));
        this.jvmArgs = List.copyOf(jvmArgs);
        this.workingDirectory = workingDirectory;
    }

    /** The whole command for {@code mch ARGS...}. */
    List<String> command(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classpath, MAIN));
        command.addAll(args);
        return command;
    }

    int run(List<String> args) throws MojoExecutionException {
        ProcessBuilder builder = new ProcessBuilder(command(args)).directory(workingDirectory.toFile()).inheritIO();
        // The k3s backend runs on Testcontainers without its reaper (mch removes its own containers).
        builder.environment().putIfAbsent("TESTCONTAINERS_RYUK_DISABLED", "true");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new MojoExecutionException("mch: cannot start " + builder.command().get(0), e);
        }
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            // The child heals its faults on SIGTERM (destroy) before it exits.
            process.destroy();
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("mch: interrupted; the run was stopped", e);
        }
    }
}
