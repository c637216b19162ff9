package io.mch.junit;

import io.mch.reports.model.Measurement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Fluent assertions on the measurements of one name in an {@link MchRun} (a failover, a sync, a
 * convergence...), in scenario time; {@link #of} narrows them to one subject.
 */
public final class MeasurementAssert {

    private final String name;
    private final List<Measurement> measurements;
    private final MchRun run;

    MeasurementAssert(String name, List<Measurement> measurements, MchRun run) {
        this.name = name;
        this.measurements = measurements;
        this.run = run;
    }

    public List<Measurement> values() {
        return measurements;
    }

    /** Only the measurements of {@code subject} (a cluster, a pair {@code a->b}, an application). */
    public MeasurementAssert of(String subject) {
        List<Measurement> found = measurements.stream().filter(m -> subject.equals(m.subject())).toList();
        if (found.isEmpty()) {
            throw run.fail("no measurement '" + name + "' of " + subject + "; subjects: " + subjects(measurements));
        }
        return new MeasurementAssert(name, found, run);
    }

    /** Every measurement of this name is at most {@code max}. */
    public MeasurementAssert atMost(Duration max) {
        List<Measurement> over = measurements.stream().filter(m -> m.valueMs() > max.toMillis()).toList();
        if (!over.isEmpty()) {
            throw run.fail(name + " should be at most " + max.toMillis() + " ms; over it: " + describe(over));
        }
        return this;
    }

    /** Every measurement of this name is at least {@code min}. */
    public MeasurementAssert atLeast(Duration min) {
        List<Measurement> under = measurements.stream().filter(m -> m.valueMs() < min.toMillis()).toList();
        if (!under.isEmpty()) {
            throw run.fail(name + " should be at least " + min.toMillis() + " ms; under it: " + describe(under));
        }
        return this;
    }

    private static String describe(List<Measurement> measurements) {
        return measurements.stream()
                .map(m -> m.subject() + " " + m.valueMs() + " ms (resolution " + m.resolutionMs() + " ms)")
                .collect(Collectors.joining(", "));
    }

    private static String subjects(List<Measurement> measurements) {
        return measurements.stream().map(Measurement::subject).distinct().collect(Collectors.joining(", "));
    }
}
