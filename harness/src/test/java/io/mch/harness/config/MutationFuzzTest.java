package io.mch.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.mch.harness.input.InvalidInputException;
import io.mch.harness.input.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.ObjIntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation fuzz over the shipped scenarios and fixtures: each mutated file must either
 * load or yield problems located at {@code file:line:column} — never an exception, never a hang —
 * and a file {@link Validation} accepts must also load as {@code ./mch run} loads it, so no run
 * starts for a file {@code validate} would refuse, nor the other way round.
 */
class MutationFuzzTest {

    /** {@code -Dmch.fuzz.seed=S -Dmch.fuzz.mutations=N -Dmch.fuzz.seconds=T} for a larger run. */
    private static final long SEED = Long.getLong("mch.fuzz.seed", 17);
    private static final int MUTATIONS = Integer.getInteger("mch.fuzz.mutations", 300);
    private static final Duration BUDGET = Duration.ofSeconds(Integer.getInteger("mch.fuzz.seconds", 30));
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(\\.\\d+)?\\b");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]{2,}");
    private static final List<String> HOSTILE_VALUES = List.of("0", "-1", "1e999", ".inf", ".nan", "9".repeat(400),
            "100000000", "0.0001ms", "2562047h", "100000h", "0s", "10000000000/s", "\"\\0\"", "/dev/zero", "~", "[]",
            "{}", "&x [a]", "*x", "!foo x", "!!int abc", "!!binary ==", "2001-99-99", "a".repeat(300));
    private static final String SYNTAX = ":{}[]&*!|>'\"\t-#%@`,?";
    private static final String BOMB = "bomb: &a [x, x, x, x, x, x, x, x, x]\n"
            + "bomb2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n";

    @TempDir
    Path checkout;

    @Test
    void everyMutatedShippedFileLoadsOrIsRefusedWithLocatedProblems() {
        copy("scenarios");
        copy("topology-fixtures");
        Fixtures fixtures = Fixtures.in(checkout.resolve("topology-fixtures"));
        List<Path> files = shippedFiles();
        Stream.concat(files.stream().filter(f -> f.getParent().getFileName().toString().equals("scenarios")), topologies().stream())
                .forEach(f -> assertThat(Validation.validate(f, fixtures)).as("shipped %s", f).isEmpty());
        Random random = new Random(SEED);
        List<BiFunction<String, Random, String>> mutations = List.of(
                (text, r) -> replaceOne(text, NUMBER, pick(HOSTILE_VALUES, r), r),
                (text, r) -> replaceOne(text, WORD, pick(HOSTILE_VALUES, r), r),
                (text, r) -> lines(text, r, (lines, i) -> lines.remove(i)),
                (text, r) -> lines(text, r, (lines, i) -> lines.add(i, lines.get(i))),
                (text, r) -> lines(text, r, (lines, i) -> lines.set(i, " ".repeat(r.nextInt(6)) + lines.get(i).strip())),
                (text, r) -> insert(text, r, String.valueOf(SYNTAX.charAt(r.nextInt(SYNTAX.length())))),
                (text, r) -> text.substring(0, r.nextInt(text.length() + 1)),
                (text, r) -> text + BOMB,
                (text, r) -> text.replace("workloads/api-server.yaml", pick(List.of("/dev/zero", "/dev/null", "workloads",
                        "../scenarios/active-passive-node-loss.yaml", "/etc/passwd"), r)));
        long started = System.nanoTime();
        int[] refused = {0};
        int checked = assertTimeoutPreemptively(BUDGET.multipliedBy(2), () -> {
            int n = 0;
            for (; n < MUTATIONS && System.nanoTime() - started < BUDGET.toNanos(); n++) {
                Path file = pick(files, random);
                String original = Files.readString(file);
                String mutated = original;
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    mutated = pick(mutations, random).apply(mutated, random);
                }
                Files.writeString(file, mutated);
                try {
                    refused[0] += check(file, fixtures, mutated) ? 0 : 1;
                } finally {
                    Files.writeString(file, original);
                }
            }
            return n;
        });
        System.out.printf("mutation fuzz: seed %d, %d mutated files checked in %d ms, %d refused with located problems%n",
                SEED, checked, Duration.ofNanos(System.nanoTime() - started).toMillis(), refused[0]);
        assertThat(checked).isGreaterThanOrEqualTo(Math.min(MUTATIONS, 100));
    }

    /**
     * Whether {@code file} was accepted; fails the test unless accepted or refused with located
     * problems. A mutated manifest, schedule or repository file is checked through every topology.
     */
    private boolean check(Path file, Fixtures fixtures, String mutated) {
        Path fixtureDirectory = checkout.resolve("topology-fixtures");
        if (!file.getParent().equals(fixtureDirectory) && file.startsWith(fixtureDirectory)) {
            List<Problem> all = topologies().stream().flatMap(t -> Validation.validate(t, fixtures).stream()).toList();
            assertLocated(all, file, mutated);
            return all.isEmpty();
        }
        List<Problem> problems = Validation.validate(file, fixtures);
        assertLocated(problems, file, mutated);
        if (file.getParent().getFileName().toString().equals("scenarios")) {
            try {
                ScenarioLoader.load(file, fixtures);
                assertThat(problems).as("validate refused what loads: %s%n%s", file, mutated).isEmpty();
            } catch (InvalidInputException e) {
                assertLocated(e.problems(), file, mutated);
                assertThat(problems).as("validate accepted what does not load: %s%n%s", file, mutated).isNotEmpty();
            }
        }
        return problems.isEmpty();
    }

    private static void assertLocated(List<Problem> problems, Path file, String mutated) {
        assertThat(problems).as("mutated %s:%n%s", file, mutated).allSatisfy(p -> {
            assertThat(p.line()).isPositive();
            assertThat(p.column()).isPositive();
        });
    }

    /** Scenarios, fixtures and the files the fixtures name (manifests, schedules, a GitOps repository). */
    private List<Path> shippedFiles() {
        try (Stream<Path> scenarios = Files.list(checkout.resolve("scenarios"));
                Stream<Path> topologies = Files.walk(checkout.resolve("topology-fixtures"))) {
            List<Path> files = new ArrayList<>(Stream.concat(scenarios, topologies)
                    .filter(f -> f.toString().endsWith(".yaml")).sorted().toList());
            assertThat(files).hasSizeGreaterThan(20);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> topologies() {
        try (Stream<Path> topologies = Files.list(checkout.resolve("topology-fixtures"))) {
            return topologies.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void copy(String directory) {
        Path from = TestFiles.checkout().resolve(directory);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.filter(p -> !p.toString().contains("/src/") && !p.toString().contains("/target/"))
                    .toList()) {
                Path target = checkout.resolve(directory).resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!source.getFileName().toString().equals("pom.xml")) {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String replaceOne(String text, Pattern pattern, String replacement, Random random) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return text;
        }
        int[] span = pick(spans, random);
        return text.substring(0, span[0]) + replacement + text.substring(span[1]);
    }

    private static String lines(String text, Random random, ObjIntConsumer<List<String>> edit) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        edit.accept(lines, random.nextInt(lines.size()));
        return String.join("\n", lines);
    }

    private static String insert(String text, Random random, String character) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + character + text.substring(at);
    }
}
