package io.mch.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs an mch scenario: the method is a JUnit test, the scenario runs before its body,
 * and a parameter of type {@link MchRun} receives the result. With {@link #failOnBreach()} (the
 * default) a run whose verdict is not PASS fails the test with the SLO table before the body runs,
 * so a plain annotated method is already a resilience check; the body adds finer assertions.
 *
 * <pre>{@code
 * @MchScenario("src/test/mch/junit/node-loss.yaml")
 * void nodeLossKeepsServing(MchRun run) {
 *     run.slo("availability").passed().valueAtLeast(90);
 *     run.measurement("convergence").atMost(Duration.ofSeconds(10));
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(MchExtension.class)
public @interface MchScenario {

    /** The scenario file, relative to the working directory (the project's base directory under Maven). */
    String value();

    /** {@code embedded} (default), {@code k3s} or {@code kubeconfig}; the system property {@code mch.backend} overrides it. */
    String backend() default "embedded";

    /**
     * How much faster than scenario time to run ({@code --time-scale}); 0 means the system property
     * {@code mch.timeScale}, else 1.
     */
    double timeScale() default 0;

    /** The seed ({@code --seed}); -1 means the scenario's own, else a random one recorded in run.json. */
    long seed() default -1;

    /** Fail the test with the SLO table when the run's verdict is not PASS (set false to assert a breach). */
    boolean failOnBreach() default true;
}
