package io.mch.junit;

import io.mch.reports.RunFiles;
import io.mch.reports.model.Measurement;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import io.mch.reports.text.SummaryTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * The result of an {@link MchScenario} run, read from its run directory's {@code run.json}, with
 * fluent assertions on single SLOs ({@link #slo}) and measurements ({@link #measurement}). Every
 * assertion that fails says what was measured and shows the SLO table.
 */
public final class MchRun {

    private final Path dir;
    private final RunRecord record;

    private MchRun(Path dir, RunRecord record) {
        this.dir = dir;
        this.record = record;
    }

    /** The run recorded in {@code dir}; fails when the run wrote no {@code run.json}. */
    public static MchRun read(Path dir) {
        if (!Files.isRegularFile(dir.resolve(RunFiles.RUN_JSON))) {
            throw new AssertionFailedError("no " + RunFiles.RUN_JSON + " in " + dir + ": the run did not finish");
        }
        return new MchRun(dir, RunFiles.readRunJson(dir));
    }

    /** The run directory: {@code run.json}, {@code history.jsonl}, {@code report.html}, {@code junit.xml}. */
    public Path dir() {
        return dir;
    }

    public String scenario() {
        return record.scenario();
    }

    public Verdict verdict() {
        return record.verdict();
    }

    public boolean passed() {
        return record.verdict() == Verdict.PASS;
    }

    /** The whole record, as {@code run.json} holds it. */
    public RunRecord record() {
        return record;
    }

    /** The SLO table {@code mch run} prints. */
    public String summary() {
        return SummaryTable.render(record);
    }

    /** Assertions on the SLO called {@code name}; fails when the scenario did not judge it. */
    public SloAssert slo(String name) {
        List<SloResult> slos = record.slos() == null ? List.of() : record.slos();
        return slos.stream().filter(s -> s.name().equals(name)).findFirst()
                .map(s -> new SloAssert(s, this))
                .orElseThrow(() -> fail("no SLO '" + name + "' was judged; judged: "
                        + slos.stream().map(SloResult::name).collect(Collectors.joining(", "))));
    }

    /** Assertions on the measurements called {@code name} (every subject); fails when there is none. */
    public MeasurementAssert measurement(String name) {
        List<Measurement> found = record.measurements().stream().filter(m -> m.name().equals(name)).toList();
        if (found.isEmpty()) {
            throw fail("no measurement '" + name + "'; measured: " + record.measurements().stream()
                    .map(Measurement::name).distinct().collect(Collectors.joining(", ")));
        }
        return new MeasurementAssert(name, found, this);
    }

    AssertionFailedError fail(String message) {
        return new AssertionFailedError("mch scenario " + scenario() + ": " + message + "\n" + summary());
    }
}
