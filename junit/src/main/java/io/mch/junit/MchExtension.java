package io.mch.junit;

import io.mch.harness.run.RunDirectory;
import io.mch.harness.cli.MchCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.AssertionFailedError;

/**
 * Runs the scenario of an {@link MchScenario} test through mch's command line ({@code mch run},
 * in-process through picocli) into {@code <mch.reportsDirectory>/<scenario file name>} (default
 * {@code target/mch}, where the Maven plugin writes its runs too), then reads the run's
 * {@code run.json}. Going through the command line and the run directory, the contracts users
 * rely on, keeps the extension independent of the harness's internals.
 */
public final class MchExtension implements BeforeEachCallback, ParameterResolver {

    /** Where run directories go, as for the Maven plugin. */
    public static final String REPORTS_DIRECTORY = "mch.reportsDirectory";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MchExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        MchScenario scenario = context.getRequiredTestMethod().getAnnotation(MchScenario.class);
        if (scenario == null) {
            return;
        }
        MchRun run = run(scenario);
        context.getStore(NAMESPACE).put(MchRun.class, run);
        if (scenario.failOnBreach() && !run.passed()) {
            throw new AssertionFailedError("mch scenario " + run.scenario() + ": verdict " + run.verdict()
                    + " (report: " + run.dir().resolve("report.html") + ")\n" + run.summary());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MchRun.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        MchRun run = context.getStore(NAMESPACE).get(MchRun.class, MchRun.class);
        if (run == null) {
            throw new ParameterResolutionException("an MchRun parameter needs the test method annotated with @MchScenario");
        }
        return run;
    }

    private static MchRun run(MchScenario scenario) {
        Path file = Path.of(scenario.value());
        Path dir = Path.of(System.getProperty(REPORTS_DIRECTORY, "target/mch"))
                .resolve(file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
        RunDirectory.replaceEarlierRun(dir);
        List<String> args = new ArrayList<>(List.of("run", file.toString(), "--out", dir.toString(),
                "--backend", System.getProperty("mch.backend", scenario.backend()),
                "--time-scale", timeScale(scenario)));
        if (scenario.seed() >= 0) {
            args.addAll(List.of("--seed", Long.toString(scenario.seed())));
        }
        int exit = MchCommand.execute(args.toArray(String[]::new));
        if (exit == 2 || exit == 3) {
            throw new AssertionFailedError("mch run " + file + " exited " + exit + (exit == 2
                    ? ": bad input or an unavailable backend, nothing was run" : ": the harness itself failed")
                    + "; its messages are in the test's standard error");
        }
        return MchRun.read(dir);
    }

    /** The annotation's, else the system property's as written (the command line refuses a bad one), else 1. */
    private static String timeScale(MchScenario scenario) {
        if (scenario.timeScale() > 0) {
            return Double.toString(scenario.timeScale());
        }
        String property = System.getProperty("mch.timeScale");
        return property == null || property.isBlank() ? "1" : property;
    }
}
