package io.mch.maven;

import io.mch.harness.run.RunDirectory;
import io.mch.reports.RunFiles;
import io.mch.reports.model.RunRecord;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mch:verify}: runs the project's scenarios ({@code src/test/mch/*.yaml}) one after the
 * other, each with {@code mch run} in a JVM of its own (like Gatling's plugin: the harness's
 * libraries never meet the project's), into {@code target/mch/<scenario file name>/}, printing its
 * SLO table; copies each
 * run's {@code junit.xml} to {@code target/failsafe-reports/} where CI tools pick up test reports;
 * and fails the build naming every breached SLO. Bad input (exit 2) or a harness failure (exit 3)
 * fails the build at once: nothing is judged from a run that did not happen.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractMojo {

    @Parameter(property = "mch.skip", defaultValue = "false")
    boolean skip;

    /** Where the scenarios are: every {@code *.yaml} or {@code *.yml} directly in it (fixtures may sit in subfolders). */
    @Parameter(property = "mch.scenarios", defaultValue = "${project.basedir}/src/test/mch")
    File scenarioDirectory;

    /** Which scenario files to run: a glob on their file names, e.g. {@code *partition*}. */
    @Parameter(property = "mch.scenario", defaultValue = "*")
    String scenario;

    /** {@code embedded}, {@code k3s} or {@code kubeconfig} ({@code --backend}). */
    @Parameter(property = "mch.backend", defaultValue = "embedded")
    String backend;

    /** How much faster than scenario time to run ({@code --time-scale}, 1 to 1000). */
    @Parameter(property = "mch.timeScale", defaultValue = "1")
    String timeScale;

    /** The seed of every run ({@code --seed}); absent: each scenario's own, else random and recorded. */
    @Parameter(property = "mch.seed")
    Long seed;

    @Parameter(property = "mch.reportsDirectory", defaultValue = "${project.build.directory}/mch")
    File reportsDirectory;

    @Parameter(property = "mch.junitDirectory", defaultValue = "${project.build.directory}/failsafe-reports")
    File junitDirectory;

    /** Options of the forked JVM, e.g. {@code -Xmx1g}. */
    @Parameter(property = "mch.jvmArgs")
    List<String> jvmArgs = new ArrayList<>();

    /** Options of {@code mch run} after the ones above, e.g. {@code --kubeconfig FILE}. */
    @Parameter
    List<String> arguments = new ArrayList<>();

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    List<Artifact> pluginArtifacts;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("mch: skipped (mch.skip)");
            return;
        }
        List<Path> files = scenarios();
        if (files.isEmpty()) {
            return;
        }
        ForkedRun fork = new ForkedRun(pluginArtifacts, jvmArgs, basedir.toPath());
        List<String> breaches = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            Path dir = reportsDirectory.toPath().resolve(name);
            if (RunDirectory.replaceEarlierRun(dir)) {
                getLog().info("mch: replaced the earlier build's run in " + dir);
            }
            getLog().info("mch: running " + basedir.toPath().relativize(file) + " into " + dir);
            int exit = fork.run(command(file, dir));
            if (exit == 2) {
                throw new MojoFailureException("mch: " + file + ": bad input or an unavailable backend (exit 2),"
                        + " nothing was run; the messages are above");
            }
            if (exit != 0 && exit != 1) {
                throw new MojoExecutionException("mch: " + file + ": the harness failed (exit " + exit + ")");
            }
            RunRecord run = RunFiles.readRunJson(dir);
            copyJunitXml(dir, name);
            getLog().info("mch: " + run.scenario() + ": " + run.verdict() + " (the SLO table is above)");
            breaches.addAll(Breaches.of(run, dir));
        }
        if (!breaches.isEmpty()) {
            throw new MojoFailureException("mch: " + breaches.size() + " SLO(s) breached:\n  "
                    + String.join("\n  ", breaches));
        }
    }

    private List<String> command(Path file, Path dir) {
        List<String> command = new ArrayList<>(List.of("run", file.toString(), "--out", dir.toString(),
                "--backend", backend, "--time-scale", timeScale));
        if (seed != null) {
            command.addAll(List.of("--seed", seed.toString()));
        }
        command.addAll(arguments);
        return command;
    }

    /** The scenario files the filter selects; none in an existing directory with a filter is a mistake. */
    private List<Path> scenarios() throws MojoFailureException, MojoExecutionException {
        Path dir = scenarioDirectory.toPath();
        if (!Files.isDirectory(dir)) {
            getLog().info("mch: no scenarios (" + dir + " does not exist)");
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + scenario);
        List<Path> all;
        try (Stream<Path> files = Files.list(dir)) {
            all = files.filter(f -> Files.isRegularFile(f) && f.toString().matches(".*\\.ya?ml$")).sorted().toList();
        } catch (IOException e) {
            throw new MojoExecutionException("mch: cannot list " + dir, e);
        }
        List<Path> chosen = all.stream().filter(f -> matcher.matches(f.getFileName())).toList();
        if (chosen.isEmpty()) {
            throw new MojoFailureException("mch: mch.scenario '" + scenario + "' matches none of the scenarios in " + dir
                    + ": " + all.stream().map(f -> f.getFileName().toString()).toList());
        }
        return chosen;
    }

    private void copyJunitXml(Path runDir, String name) throws MojoExecutionException {
        Path source = runDir.resolve("junit.xml");
        if (!Files.isRegularFile(source)) {
            return;
        }
        try {
            Files.createDirectories(junitDirectory.toPath());
            Files.copy(source, junitDirectory.toPath().resolve("TEST-mch." + name + ".xml"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MojoExecutionException("mch: cannot copy " + source + " to " + junitDirectory, e);
        }
    }
}
