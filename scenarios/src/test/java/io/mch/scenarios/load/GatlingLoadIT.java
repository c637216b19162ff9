package io.mch.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mch.scenarios.TargetRuns;
import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import io.mch.harness.load.GatlingClasspath;
import io.mch.harness.runtime.Console;
import io.mch.harness.run.RunOutcome;
import io.mch.harness.run.ScenarioRun;
import io.mch.reports.html.HtmlReport;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A scenario with {@code load:} on the embedded backend: Gatling runs in its own JVM against the
 * global endpoint, writes its report, and leaves no process behind, while the SLOs are still
 * judged from mch's probes. Runs here, where the scenarios module's build has written Gatling's
 * classpath file.
 */
class GatlingLoadIT {

    private static final String SCENARIO = """
            name: %s
            topology: active-passive
            duration: %s
            seed: 7
            traffic: { rate: 20/s }
            load: %s
            slo:
              availability: { min: 99%% }
            """;

    @BeforeAll
    static void classpathBuilt() {
        Path file = GatlingClasspath.file(GatlingClasspath.home());
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "Gatling's classpath file " + file + " is not built; run the scenarios module's build first");
    }

    @Test
    void gatlingDrivesTheGlobalEndpointAndIsLinkedFromTheReport() throws Exception {
        Path dir = TargetRuns.fresh("gatling-load");
        FileTime started = FileTime.from(Instant.now());
        RunOutcome outcome = run("gatling-load", "12s", "{ rate: 50/s, duration: 5s }", dir).execute();

        assertThat(outcome.failure()).as("harness failure").isEmpty();
        assertThat(HtmlReport.gatlingReport(dir)).hasValueSatisfying(link -> {
            assertThat(dir.resolve(link)).isRegularFile();
            assertThat(modified(dir.resolve(link))).as("written by this run").isGreaterThan(started);
            assertThat(link).matches("gatling/mchsimulation-[^/]+/index.html");
        });
        String report = Files.readString(dir.resolve("report.html"));
        assertThat(report).contains("href=\"" + HtmlReport.gatlingReport(dir).orElseThrow() + "\"");
        assertThat(Files.readString(dir.resolve("gatling/gatling.log")))
                .as("Gatling's own stats").contains("call").contains("resolve");
        List<SloResult> slos = outcome.record().slos();
        assertThat(slos).extracting(SloResult::name).containsExactly("availability");
        assertThat(slos.get(0).verdict()).as(slos.toString()).isEqualTo(Verdict.PASS);
        assertThat(Files.readString(dir.resolve("history.jsonl"))).contains("\"probe\"");
        assertThat(javaChildren()).isEmpty();
    }

    @Test
    void anInterruptedRunStopsGatling() throws Exception {
        Path dir = TargetRuns.fresh("gatling-interrupted");
        ScenarioRun run = run("gatling-interrupted", "60s", "{ rate: 20/s }", dir);
        CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> !javaChildren().isEmpty());
        run.abort();

        assertThat(outcome.get().record().endReason()).isEqualTo("interrupted");
        assertThat(javaChildren()).isEmpty();
    }

    private static ScenarioRun run(String name, String duration, String load, Path dir) throws Exception {
        Path file = Files.writeString(Files.createDirectories(Path.of("target", "load-scenarios")).resolve(name + ".yaml"),
                SCENARIO.formatted(name, duration, load));
        Scenario scenario = ScenarioLoader.load(file);
        return new ScenarioRun(scenario, new EmbeddedBackend(), 7, dir, Console.system());
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ProcessHandle> javaChildren() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .toList();
    }
}
