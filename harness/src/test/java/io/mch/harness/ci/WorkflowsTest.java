package io.mch.harness.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The GitHub workflows are code that only runs on GitHub: a typo shows up the night the resilience
 * run silently does nothing. So they are linted here ({@code action-validator}, from npm package
 * {@code @action-validator/cli}, checks them against the workflow schema) and their structure is
 * checked: the triggers, a scenario matrix that names only scenario files that exist, and an
 * explore matrix whose shards are 1..N of the N its command names.
 */
class WorkflowsTest {

    private static final Path ROOT = root();
    private static final Path WORKFLOWS = ROOT.resolve(".github/workflows");
    private static final String LINTER = "action-validator";

    @Test
    void everyWorkflowPassesTheLinter() throws Exception {
        Optional<Path> linter = onPath(LINTER);
        assumeTrue(linter.isPresent(), "skipped: " + LINTER + " is not installed"
                + " (npm install -g @action-validator/cli@0.6.0 @action-validator/core@0.6.0; .ci/run installs it)");
        List<Path> files = workflows();
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Process process = new ProcessBuilder(linter.get().toString(), file.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", LINTER).isTrue();
            assertThat(process.exitValue()).as("%s %s:%n%s", LINTER, ROOT.relativize(file), output).isZero();
        }
    }

    @Test
    void ciVerifiesEveryPushAndPullRequestOnJava17AndKeepsTheReports() throws IOException {
        Map<String, Object> ci = load("ci.yml");

        assertThat(triggers(ci)).containsKeys("push", "pull_request");
        List<Map<String, Object>> steps = steps(ci, "verify");
        assertThat(steps).anySatisfy(s -> {
            assertThat(s.get("uses")).asString().startsWith("actions/setup-java@");
            assertThat(with(s)).containsEntry("java-version", "17");
        });
        assertThat(steps).anySatisfy(s -> assertThat(s.get("run")).asString().contains("mvn -B verify"));
        assertThat(steps).anySatisfy(s -> {
            assertThat(s.get("uses")).isEqualTo("actions/upload-artifact@v4");
            assertThat(s.get("if")).isEqualTo("always()");
            assertThat(with(s).get("path")).asString().contains("surefire-reports").contains("scenarios/target/runs");
        });
    }

    @Test
    void resilienceRunsNightlyAndOnDemandOverExistingScenariosOnK3sAndBuildsTheIndex() throws IOException {
        Map<String, Object> resilience = load("resilience.yml");

        Map<String, Object> triggers = triggers(resilience);
        assertThat(triggers).containsKeys("schedule", "workflow_dispatch");
        assertThat(list(triggers.get("schedule"))).singleElement()
                .satisfies(s -> assertThat(map(s).get("cron")).asString().matches("(\\S+ ){4}\\S+"));
        Map<String, Object> job = map(map(resilience.get("jobs")).get("scenario"));
        List<Object> scenarios = list(map(map(job.get("strategy")).get("matrix")).get("scenario"));
        assertThat(scenarios).isNotEmpty().doesNotHaveDuplicates();
        for (Object scenario : scenarios) {
            assertThat(ROOT.resolve("scenarios").resolve(scenario + ".yaml")).as("matrix entry %s", scenario).isRegularFile();
        }
        assertThat(steps(resilience, "scenario")).anySatisfy(s -> assertThat(s.get("run")).asString()
                .contains("./mch run \"scenarios/${{ matrix.scenario }}.yaml\" --backend k3s")
                .contains("--out \"runs/${{ matrix.scenario }}/"));
        List<Map<String, Object>> history = steps(resilience, "history");
        assertThat(history).anySatisfy(s -> assertThat(s.get("run")).asString().contains("./mch report site"));
        assertThat(history).anySatisfy(s -> assertThat(s.get("uses")).asString().startsWith("actions/cache/restore@"));
        assertThat(history).anySatisfy(s -> {
            assertThat(s.get("uses")).isEqualTo("actions/upload-artifact@v4");
            assertThat(s.get("if")).isEqualTo("always()");
        });
    }

    @Test
    void exploreRunsOneShardPerMatrixEntryAndMergesThemWithReport() throws IOException {
        Map<String, Object> explore = load("explore.yml");

        assertThat(triggers(explore)).containsKey("workflow_dispatch");
        Map<String, Object> job = map(map(explore.get("jobs")).get("shard"));
        List<Object> shards = list(map(map(job.get("strategy")).get("matrix")).get("shard"));
        String run = steps(explore, "shard").stream().map(s -> String.valueOf(s.get("run")))
                .filter(r -> r.contains("./mch explore")).findFirst().orElseThrow();
        assertThat(run).contains("--shard ${{ matrix.shard }}/" + shards.size())
                .contains("--out \"shards/shard-${{ matrix.shard }}\"");
        assertThat(shards).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, shards.size()).boxed().map(Object.class::cast).toList());
        List<Map<String, Object>> merge = steps(explore, "merge");
        assertThat(map(map(explore.get("jobs")).get("merge")).get("needs")).isEqualTo("shard");
        assertThat(merge).anySatisfy(s -> assertThat(s.get("uses")).asString().startsWith("actions/download-artifact@"));
        assertThat(merge).anySatisfy(s -> assertThat(s.get("run")).asString().contains("./mch report shards"));
    }

    private static List<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static Map<String, Object> load(String name) throws IOException {
        try (Reader in = Files.newBufferedReader(WORKFLOWS.resolve(name))) {
            return map(new Yaml(new LoaderOptions()).load(in));
        }
    }

    /** YAML 1.1 (SnakeYAML) reads the key {@code on} as the boolean true. */
    private static Map<String, Object> triggers(Map<String, Object> workflow) {
        return map(workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE));
    }

    private static List<Map<String, Object>> steps(Map<String, Object> workflow, String job) {
        List<Map<String, Object>> steps = new ArrayList<>();
        list(map(map(workflow.get("jobs")).get(job)).get("steps")).forEach(s -> steps.add(map(s)));
        return steps;
    }

    private static Map<String, Object> with(Map<String, Object> step) {
        return step.containsKey("with") ? map(step.get("with")) : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    private static Optional<Path> onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(d -> !d.isBlank())
                .map(d -> Path.of(d, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The checkout's root: the nearest folder above the working directory with {@code .github/workflows}. */
    private static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".github/workflows"))) {
                return p;
            }
        }
        throw new IllegalStateException("no .github/workflows above " + Path.of("").toAbsolutePath());
    }
}
