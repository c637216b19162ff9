package io.mch.reports.text;

import io.mch.reports.judge.SloText;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The console summary printed at the end of {@code mch run}: plain text, fixed-width columns, so
 * it reads the same in a terminal and in a CI log.
 */
public final class SummaryTable {

    private static final List<String> HEADER = List.of("SLO", "VALUE", "TARGET", "VERDICT");

    private SummaryTable() {}

    public static String render(RunRecord run) {
        List<SloResult> slos = run.slos() == null ? List.of() : run.slos();
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (SloResult slo : slos) {
            rows.add(List.of(
                    slo.name(),
                    SloText.value(slo),
                    SloText.target(slo),
                    slo.verdict() == null ? Verdict.UNKNOWN.name() : slo.verdict().name()));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int c = 0; c < widths.length; c++) {
                String cell = row.get(c);
                out.append(c == widths.length - 1 ? cell : pad(cell, widths[c] + 2));
            }
            out.append('\n');
        }
        out.append(overall(run, slos)).append('\n');
        if (run.timeScale() != 1) {
            out.append("time scale ×").append(SloText.number(run.timeScale()))
                    .append(": durations in scenario time, probe resolution ")
                    .append(SloText.number(run.probeIntervalMs())).append(" ms\n");
        }
        return out.toString();
    }

    private static String overall(RunRecord run, List<SloResult> slos) {
        Verdict verdict = run.verdict() != null
                ? run.verdict()
                : Verdict.combine(slos.stream().map(SloResult::verdict).toList());
        long failed = slos.stream().filter(s -> s.verdict() == Verdict.FAIL).count();
        long unknown = slos.stream().filter(s -> s.verdict() != Verdict.PASS && s.verdict() != Verdict.FAIL).count();
        return "verdict: " + verdict + " (" + run.scenario() + ": " + slos.size() + " SLOs, " + failed + " failed, "
                + unknown + " unknown)";
    }

    private static String pad(String cell, int width) {
        return cell + " ".repeat(width - cell.length());
    }
}
