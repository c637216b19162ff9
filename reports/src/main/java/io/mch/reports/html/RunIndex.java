package io.mch.reports.html;

import io.mch.reports.html.chart.Chart;
import io.mch.reports.html.chart.TrendChart;
import io.mch.reports.judge.SloText;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code index.html} over a folder of run directories, so a nightly job that keeps every run can
 * publish one page to compare them from. Links are relative, so the folder can be moved or served
 * as it is; like the run report, every recorded string goes through the template's escaping. Where a
 * scenario was run more than once, a trend chart shows its failover time, cross-cluster latency and
 * availability run after run.
 */
public final class RunIndex {

    public static final String FILE = "index.html";

    /** A run's start on a trend's axis, in UTC. */
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** A run directory, as a path relative to the indexed folder with {@code /} separators, and its record. */
    public record Run(String dir, RunRecord record) {}

    /** A run as an index row; {@code slos} has one entry per column, null where the run lacks that SLO. */
    public record Row(String scenario, String startedAt, String verdict, List<Slo> slos, String link) {}

    /** A scenario with runs over time and its trend chart. */
    public record Trend(String scenario, int runs, Chart chart) {}

    /** An SLO's value and verdict in display form. */
    public record Slo(String value, String verdict) {}

    private RunIndex() {}

    public static String render(List<Run> runs) {
        List<Run> newestFirst = new ArrayList<>(runs);
        newestFirst.sort(Comparator.comparing((Run r) -> started(r.record()).orElse(Instant.MIN))
                .thenComparing(Run::dir)
                .reversed());
        Set<String> columns = new LinkedHashSet<>();
        newestFirst.forEach(r -> slos(r.record()).forEach(s -> columns.add(s.name())));
        Map<String, Object> context = new HashMap<>();
        context.put("columns", List.copyOf(columns));
        context.put("rows", newestFirst.stream().map(r -> row(r, columns)).toList());
        context.put("trends", trends(newestFirst));
        return Templates.render("index.peb", context);
    }

    public static void write(Path dir, List<Run> runs) {
        Templates.write(dir.resolve(FILE), render(runs));
    }

    /** One trend per scenario run more than once, scenarios in name order, runs oldest first. */
    private static List<Trend> trends(List<Run> newestFirst) {
        Map<String, List<TrendChart.Point>> byScenario = new TreeMap<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            Run run = newestFirst.get(i);
            byScenario.computeIfAbsent(scenario(run), s -> new ArrayList<>())
                    .add(new TrendChart.Point(run.record().startedAt() == null ? run.dir()
                            : started(run.record()).map(LABEL::format).orElse(run.record().startedAt()), run.record()));
        }
        List<Trend> trends = new ArrayList<>();
        byScenario.forEach((scenario, points) -> {
            if (points.size() > 1) {
                trends.add(new Trend(scenario, points.size(),
                        TrendChart.of(scenario, points, "trend-" + (trends.size() + 1))));
            }
        });
        return trends;
    }

    private static String scenario(Run run) {
        return run.record().scenario() == null ? run.dir() : run.record().scenario();
    }

    private static Row row(Run run, Set<String> columns) {
        RunRecord record = run.record();
        List<Slo> slos = new ArrayList<>();
        for (String column : columns) {
            slos.add(slos(record).stream().filter(s -> column.equals(s.name())).findFirst()
                    .map(s -> new Slo(SloText.value(s), (s.verdict() == null ? Verdict.UNKNOWN : s.verdict()).name()))
                    .orElse(null));
        }
        Verdict verdict = record.verdict() != null ? record.verdict()
                : Verdict.combine(slos(record).stream().map(SloResult::verdict).toList());
        return new Row(scenario(run),
                record.startedAt() == null ? "—" : record.startedAt(), verdict.name(), slos,
                link(run.dir() + "/" + HtmlReport.FILE));
    }

    /** Percent-encoded, and prefixed with {@code ./} so a directory name with a colon is not read as a scheme. */
    private static String link(String relative) {
        try {
            return new URI(null, null, "./" + relative, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a relative path: " + relative, e);
        }
    }

    private static Optional<Instant> started(RunRecord record) {
        try {
            return Optional.ofNullable(record.startedAt()).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<SloResult> slos(RunRecord record) {
        return record.slos() == null ? List.of() : record.slos();
    }
}
