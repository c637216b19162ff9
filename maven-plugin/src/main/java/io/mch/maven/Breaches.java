package io.mch.maven;

import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import io.mch.reports.judge.SloText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The lines that name each SLO a run did not pass (FAIL or UNKNOWN), for the build's failure message. */
final class Breaches {

    private Breaches() {}

    static List<String> of(RunRecord run, Path dir) {
        List<String> lines = new ArrayList<>();
        for (SloResult slo : run.slos() == null ? List.<SloResult>of() : run.slos()) {
            if (slo.verdict() != Verdict.PASS) {
                lines.add(run.scenario() + ": " + slo.name() + " " + slo.verdict() + " (measured " + SloText.value(slo)
                        + ", target " + SloText.target(slo) + "); report " + dir.resolve("report.html"));
            }
        }
        if (lines.isEmpty() && run.verdict() != Verdict.PASS) {
            lines.add(run.scenario() + ": verdict " + run.verdict() + " (" + run.endReason() + "); report "
                    + dir.resolve("report.html"));
        }
        return lines;
    }
}
