package io.mch.reports.html;

import io.mch.reports.model.Redaction;
import io.mch.reports.judge.ProbeLag;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.html.chart.ConsistencyChart;
import io.mch.reports.html.chart.CrossLatencyChart;
import io.mch.reports.html.chart.TopologyDiagram;
import io.mch.reports.html.chart.TrafficChart;
import io.mch.reports.judge.Consistency;
import io.mch.reports.judge.FaultWindows;
import io.mch.reports.judge.SloText;
import io.mch.reports.judge.Times;
import io.mch.reports.judge.WarmUp;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code report.html}: what a person reads after a run. Rendered from the run record and the
 * history alone, so {@code mch report} can rebuild it later; one self-contained file (inline CSS
 * and the charts as inline SVG) that can be attached to a CI run or mailed. Every recorded string
 * passes through the template's HTML escaping, since scenario names, details and errors come from
 * user input and remote answers, and free text through {@link Redaction}; the charts' SVG is the
 * only markup inserted as it is, and JFreeSVG escapes the text it draws.
 */
public final class HtmlReport {

    public static final String FILE = "report.html";

    /** An SLO as a table row, with everything already in display form. */
    public record SloRow(String name, String value, String target, String verdict, String margin, String detail) {}

    /** A change of the cluster the global load balancer answers with. */
    public record ServingRow(String time, String cluster, String reason) {}

    /** Failed probes of one route with one error message, the first at {@code first}. */
    public record ErrorRow(String route, String error, long count, String first) {}

    /** A node's Ready condition changing. */
    public record NodeRow(String time, String cluster, String node, String status) {}

    private static final int ERROR_ROWS = 20;

    private HtmlReport() {}

    public static String render(RunRecord run, History history) {
        return render(run, history, Optional.empty());
    }

    /**
     * Gatling's report of the run's {@code load:}, relative to the run directory
     * ({@code gatling/<simulation>-<time>/index.html}), if Gatling wrote one; the newest, when
     * a run directory was reused.
     */
    public static Optional<String> gatlingReport(Path runDir) {
        Path gatling = runDir.resolve("gatling");
        if (!Files.isDirectory(gatling)) {
            return Optional.empty();
        }
        try (Stream<Path> runs = Files.list(gatling)) {
            return runs.filter(r -> Files.isRegularFile(r.resolve("index.html"))).max(Comparator.naturalOrder())
                    .map(r -> "gatling/" + r.getFileName() + "/index.html");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String render(RunRecord run, History history, Optional<String> gatlingReport) {
        long endMs = history.events().isEmpty() ? 0 : history.events().get(history.events().size() - 1).tMs();
        List<RunRecord.FaultWindow> faults = FaultWindows.of(history);
        String scenario = run.scenario() == null ? "run" : run.scenario();
        Consistency consistency = Consistency.of(history);
        Map<String, Object> context = new HashMap<>();
        context.put("run", run);
        context.put("description", Redaction.clean(run.description()));
        context.put("endReason", Redaction.clean(run.endReason()));
        context.put("probeLag", Optional.ofNullable(run.probes()).filter(p -> !p.rateKept()).map(ProbeLag::describe)
                .orElse(null));
        context.put("verdict", overall(run).name());
        context.put("banner", Banner.of(run, history));
        context.put("slos", sloRows(run));
        context.put("duration", Times.seconds(endMs));
        context.put("topologyDiagram", TopologyDiagram.of(history).orElse(null));
        context.put("errorBudget", ErrorBudget.of(run, history));
        context.put("traffic", history.globalProbes().isEmpty() ? null : TrafficChart.of(scenario, history, faults, endMs));
        context.put("crossLatency", history.crossClusterProbes().stream().anyMatch(Event.Probe::ok)
                ? CrossLatencyChart.of(scenario, history, faults, endMs) : null);
        context.put("consistencyChart", consistency.rounds().isEmpty()
                ? null : ConsistencyChart.of(scenario, consistency, faults, endMs));
        context.put("consistency", consistency);
        context.put("serving", history.of(Event.Serving.class)
                .map(e -> new ServingRow(Times.seconds(e.tMs()), e.cluster() == null ? "none" : e.cluster(),
                        e.reason() == null ? "" : Redaction.clean(e.reason())))
                .toList());
        context.put("nodes", history.of(Event.NodeStatus.class)
                .map(e -> new NodeRow(Times.seconds(e.tMs()), e.cluster(), e.node(), e.status()))
                .toList());
        context.put("errors", errors(history));
        context.put("latency", LatencyMatrix.of(history));
        context.put("latencySlo", slos(run).stream().filter(s -> s.latency() != null).findFirst().orElse(null));
        context.put("warmUp", Times.seconds(WarmUp.scenarioMs(history)));
        context.put("log", EventLog.of(history));
        FabricView fabric = FabricView.of(history);
        context.put("fabric", fabric.empty() ? null : fabric);
        context.put("gatlingReport", gatlingReport.orElse(null));
        return Templates.render("report.peb", context);
    }

    public static void write(Path dir, RunRecord run, History history) {
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            Files.writeString(file, render(run, history, gatlingReport(dir)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Verdict overall(RunRecord run) {
        if (run.verdict() != null) {
            return run.verdict();
        }
        return Verdict.combine(slos(run).stream().map(SloResult::verdict).toList());
    }

    private static List<SloRow> sloRows(RunRecord run) {
        return slos(run).stream()
                .map(s -> new SloRow(s.name(), SloText.value(s), SloText.target(s),
                        (s.verdict() == null ? Verdict.UNKNOWN : s.verdict()).name(), SloText.margin(s),
                        s.detail() == null ? "" : Redaction.clean(s.detail())))
                .toList();
    }

    private static List<SloResult> slos(RunRecord run) {
        return run.slos() == null ? List.of() : run.slos();
    }

    /** Failed probes grouped by route and (redacted) error, most frequent first, at most {@value #ERROR_ROWS}. */
    private static List<ErrorRow> errors(History history) {
        Map<List<String>, long[]> groups = new LinkedHashMap<>();
        history.of(Event.Probe.class).filter(p -> !p.ok()).forEach(p -> {
            long[] countFirst = groups.computeIfAbsent(List.of(p.source() + " → " + p.target(),
                    p.error() == null ? "(no error message)" : Redaction.clean(p.error())), k -> new long[] {0, p.tMs()});
            countFirst[0]++;
        });
        return groups.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<List<String>, long[]> e) -> -e.getValue()[0]))
                .limit(ERROR_ROWS)
                .map(e -> new ErrorRow(e.getKey().get(0), e.getKey().get(1), e.getValue()[0],
                        Times.seconds(e.getValue()[1])))
                .toList();
    }
}
