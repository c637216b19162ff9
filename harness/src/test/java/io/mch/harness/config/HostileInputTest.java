package io.mch.harness.config;

import static io.mch.harness.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mch.harness.input.InvalidInputException;
import io.mch.harness.input.Problem;
import io.mch.harness.runtime.TimeScale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile classes of issue 17, each generated here: every one must be refused by
 * {@link Validation} (what {@code ./mch validate} and {@code ./mch run} both run) with a problem
 * located at {@code file:line:column}, never an exception, a hang or a pass.
 */
class HostileInputTest {

    private static final String SECRET = "root:x:0:0:s3cr3t-contents:/root:/bin/bash";

    @TempDir
    Path dir;

    /** A topology whose workload is {@code manifests} (YAML list items) and {@code service}. */
    private Path topology(String clusters, String extra, String manifests, String service) {
        return write(dir, "t.yaml", """
                name: t
                clusters:
                %s
                %s
                workload:
                  manifests: [%s]
                  service: %s
                """.formatted(clusters, extra, manifests, service));
    }

    private Path topology(String manifests) {
        write(dir, "app.yaml", TestFiles.API_SERVER_MANIFEST);
        return topology("  - { name: a, region: r, role: active }", "", manifests, "api-server");
    }

    private Path scenario(String body) {
        write(dir, "app.yaml", TestFiles.API_SERVER_MANIFEST);
        topology("  - { name: a, region: r, role: active }\n  - { name: b, region: r2, role: passive }", "",
                "app.yaml", "api-server");
        return write(dir, "s.yaml", "name: s\ntopology: t.yaml\n" + body);
    }

    /** Exactly the problems' files, fields and message parts, each at a real line and column. */
    private static void assertRefused(List<Problem> problems, Path file, String field, String message) {
        assertThat(problems).as(problems.toString()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.line()).isPositive();
            assertThat(p.column()).isPositive();
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.message()).contains(message);
        });
        assertThat(problems.toString()).doesNotContain(SECRET);
    }

    @Test
    void manifestsThatAreNotPlainKubernetesObjectsAreRefusedWhereTheyAreWithoutQuotingThem() {
        Path passwd = write(dir, "passwd", SECRET + "\n");
        Path velero = write(dir, "schedule.yaml", "apiVersion: velero.io/v1\nkind: Schedule\nspec: {}\n");
        Path duplicate = write(dir, "dup.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: m }\n"
                + "data: { a: '1', a: '2' }\n");
        Path tagged = write(dir, "tag.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: n }\ndata: !foo { a: b }\n");
        Path binary = write(dir, "bin.yaml", "apiVersion: v1\nkind: Secret\nmetadata: { name: s }\ndata: { a: !!binary == }\n");
        Path file = topology("passwd, schedule.yaml, t.yaml, app.yaml, dup.yaml, tag.yaml, bin.yaml");

        List<Problem> problems = Validation.validate(file);

        assertRefused(problems, passwd, "", "text, not YAML (contents not shown)");
        assertRefused(problems, velero, "metadata", "required");
        assertRefused(problems, file, "apiVersion", "required");
        assertRefused(problems, duplicate, "data.a", "duplicate key 'a' (first at line 4)");
        assertRefused(problems, tagged, "", "cannot be read as plain values: could not determine a constructor for the tag !foo");
        assertRefused(problems, binary, "", "cannot be read as plain values: a value is not of the type its tag names");
    }

    @Test
    void aServiceNoManifestDefinesIsRefused() {
        write(dir, "app.yaml", TestFiles.API_SERVER_MANIFEST);
        Path file = topology("  - { name: a, region: r, role: active }", "", "app.yaml", "api-servr");

        assertRefused(Validation.validate(file), file, "workload.service",
                "no manifest defines a Service named 'api-servr'; Services are api-server; did you mean 'api-server'?");
    }

    @Test
    void nodesClustersAndWeightsOutsideTheirRangesAreRefused() {
        write(dir, "app.yaml", TestFiles.API_SERVER_MANIFEST);
        String many = IntStream.range(0, 256).mapToObj(i -> "  - { name: c" + i + ", region: r, role: peer, nodes: 1 }")
                .collect(Collectors.joining("\n"));
        Path fleet = topology(many, "", "app.yaml", "api-server");
        assertRefused(Validation.validate(fleet), fleet, "clusters", "at most 255 clusters, found 256");

        Path nodes = topology("  - { name: a, region: r, role: active, nodes: 100000000 }", "", "app.yaml", "api-server");
        assertRefused(Validation.validate(nodes), nodes, "clusters[0].nodes", "must be between 1 and 5000, found 100000000");

        Path weights = topology("  - { name: a, region: r, role: active }\n  - { name: b, region: r, role: peer }",
                "fabric:\n  global-load-balancer: { policy: weighted, weights: { a: 0, b: 0 } }", "app.yaml", "api-server");
        assertRefused(Validation.validate(weights), weights, "fabric.global-load-balancer.weights",
                "at least one weight must be above 0");
    }

    @Test
    void durationsRatesTimeoutsAndTimersOutsideTheirRangesAreRefused() {
        Path file = scenario("duration: 2562047h\ntraffic: { rate: 10000000000/s, timeout: 100000h }\n");
        List<Problem> problems = Validation.validate(file);
        assertRefused(problems, file, "duration", "must be at most 86400s (24h, the longest scenario), found 9223369200s");
        assertRefused(problems, file, "traffic.rate", "rate '10000000000/s' is above 10000/s, the most mch sends");

        assertRefused(problems, file, "traffic.timeout", "must be at most 86400s (24h, the longest scenario), found 360000000s");

        Path timeout = scenario("duration: 1m\ntraffic: { rate: " + "9".repeat(400) + "/s, timeout: 2m }\n"
                + "overrides: { fabric: { global-load-balancer: { health-check: { interval: 0.0001ms } } } }\n");
        problems = Validation.validate(timeout);
        assertRefused(problems, timeout, "traffic.rate", " characters)' is above 10000/s");
        assertRefused(problems, timeout, "traffic.timeout", "must not be longer than the scenario (duration 60s), found 120s");
        assertRefused(problems, timeout, "overrides.fabric.global-load-balancer.health-check.interval",
                "must be between 1ms and 86400s");
    }

    @Test
    void healthCheckTimersThatWouldBeZeroWallMillisecondsAtTheRunsTimeScaleAreRefused() throws Exception {
        Path file = scenario("duration: 1m\n"
                + "overrides: { fabric: { global-load-balancer: { health-check: { interval: 2s, timeout: 500ms } } } }\n");

        assertThat(ScenarioLoader.load(file, new TimeScale(500)).topology().fabric().globalLoadBalancer()).isPresent();
        assertThatThrownBy(() -> ScenarioLoader.load(file, new TimeScale(1000)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertRefused(e.problems(), file,
                        "overrides.fabric.global-load-balancer.health-check.timeout",
                        "shorter than a wall millisecond at --time-scale 1000; at least 1s at that scale, found 500ms"));
    }

    @Test
    void numbersWrittenAsInfinityOrWithHundredsOfDigitsAreRefused() {
        Path file = scenario("duration: 1m\nseed: " + "7".repeat(300) + "\nslo:\n"
                + "  availability: { min: 99%, incidents-per-year: 1e999 }\n");
        List<Problem> problems = Validation.validate(file);
        assertRefused(problems, file, "seed", "is too large");
        assertRefused(problems, file, "slo.availability.incidents-per-year", "'1e999' is too large");
    }

    @Test
    void namesLongerThanADnsLabelAreRefused() {
        assertThat(Validation.validate(scenario("duration: 1m\n"))).isEmpty();
        Path longName = write(dir, "s.yaml", "name: " + "a".repeat(300) + "\ntopology: t.yaml\nduration: 1m\n");
        Path dashes = write(dir, "d.yaml", "name: -s-\ntopology: t.yaml\nduration: 1m\n");

        assertRefused(Validation.validate(longName), longName, "name", "a name has at most 63 characters, found 300");
        assertRefused(Validation.validate(dashes), dashes, "name", "start and end it with a letter or digit");
        Path region = topology("  - { name: a, region: " + "r".repeat(64) + ", role: active }", "", "app.yaml", "api-server");
        assertRefused(Validation.validate(region), region, "clusters[0].region", "a name has at most 63 characters, found 64");
    }

    @Test
    void aliasBombsAreRefusedInManifestsAndStepPatchesAlike() {
        String bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + IntStream.range(1, 7)
                .mapToObj(i -> (char) ('a' + i) + ": &" + (char) ('a' + i) + " [" + ("*" + (char) ('a' + i - 1) + ", ").repeat(8)
                        + "*" + (char) ('a' + i - 1) + "]")
                .collect(Collectors.joining("\n")) + "\n";
        Path manifest = write(dir, "bomb.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: m }\ndata:\n"
                + bomb.indent(2));
        Path file = topology("app.yaml, bomb.yaml");
        assertRefused(Validation.validate(file), manifest, "", "more than 10 aliases");

        Path patched = scenario("duration: 1m\nsteps:\n  - at: 1s\n    drift:\n      cluster: a\n      object: ConfigMap/m\n"
                + "      patch:\n" + bomb.indent(8));
        List<Problem> problems = Validation.validate(patched);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(patched);
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.message()).contains("more than 10 aliases");
        });
    }

    @Test
    void nestingDeeperThanFiftyLevelsIsRefusedAtItsLine() {
        Path file = write(dir, "s.yaml", "name: s\ntopology: t.yaml\nduration: 1m\ndescription: "
                + "[".repeat(60) + "]".repeat(60) + "\n");

        assertThat(Validation.validate(file)).containsExactly(
                new Problem(file, 4, 13 + 50, "", "refused: nested more than 50 levels deep"));
    }

    @Test
    void filesThatAreNotRegularFilesAreRefusedWithoutReadingThem() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("manifests.yaml"));
        Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
        Path file = topology("/dev/zero, zero.yaml, /dev/null, manifests.yaml, \"app\\0.yaml\", app.yaml");

        List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Validation.validate(file));

        assertRefused(problems, file, "workload.manifests[0]", "not a regular file");
        assertRefused(problems, file, "workload.manifests[1]", "not a regular file (a device, FIFO or socket: /dev/zero)");
        assertRefused(problems, file, "workload.manifests[2]", "not a regular file");
        assertRefused(problems, file, "workload.manifests[3]", "a directory, not a file: " + directory);
        assertRefused(problems, file, "workload.manifests[4]", "must not contain a NUL character");
        assertThat(problems).hasSize(5);
    }

    @Test
    void aFifoGivenAsTheScenarioIsRefusedInsteadOfBlocking() throws Exception {
        Path fifo = dir.resolve("fifo.yaml");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");

        List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Validation.validate(fifo));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(1, 1);
            assertThat(p.message()).startsWith("not a regular file (a device, FIFO or socket");
        });
    }

    @Test
    void aTopologyPathAtAnyReadableFileIsNotEchoedAndFilesOverOneMibAreRefused() {
        write(dir, "secret.txt", SECRET + "\n" + SECRET + "\n");
        Path scenario = write(dir, "s.yaml", "name: s\ntopology: secret.txt\nduration: 1m\n");
        assertThat(Validation.validate(scenario).toString()).contains("secret.txt").doesNotContain(SECRET);

        Path big = write(dir, "big.yaml", "name: big\n" + "# padding\n".repeat(110_000));
        assertThat(Validation.validate(big)).containsExactly(
                new Problem(big, 1, 1, "", "larger than 1 MiB; mch reads input files of at most that size"));
    }

    @Test
    void theDidYouMeanHintStaysFastForHugeUnknownNames() {
        Path file = topology("  - { name: a, region: r, role: active }",
                "network: { clients: { region: " + "r".repeat(200_000) + " } }", "app.yaml", "api-server");
        write(dir, "app.yaml", TestFiles.API_SERVER_MANIFEST);

        List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Validation.validate(file));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("network.clients.region");
            assertThat(p.message()).doesNotContain("did you mean").hasSizeLessThan(200);
        });
    }
}
