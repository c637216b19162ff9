package io.mch.harness.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON Schemas in {@code docs/schema} (what editors complete and check against) agree with
 * the binders on the files the checkout ships, and catch wrong types; checked with a real
 * draft 2020-12 validator.
 */
class SchemaTest {

    private static final Path CHECKOUT = TestFiles.checkout();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    /** The library, and the scenarios of the example project and the JUnit extension's tests. */
    private static final List<Path> SCENARIO_DIRECTORIES = List.of(CHECKOUT.resolve("scenarios"),
            CHECKOUT.resolve("examples/maven-project/src/test/mch"), CHECKOUT.resolve("junit/src/test/resources/mch"));

    /** Every shipped file with the schema it must meet: scenarios (not in fixtures folders), and fixtures. */
    static Stream<Arguments> shippedFiles() throws IOException {
        List<Arguments> files = new ArrayList<>();
        yamlFiles(CHECKOUT.resolve(Fixtures.DIRECTORY_NAME), 1).forEach(f -> files.add(Arguments.of("topology", f)));
        for (Path dir : SCENARIO_DIRECTORIES) {
            yamlFiles(dir.resolve(Fixtures.DIRECTORY_NAME), 1).forEach(f -> files.add(Arguments.of("topology", f)));
            yamlFiles(dir, Integer.MAX_VALUE)
                    .filter(f -> !f.toString().contains(Fixtures.DIRECTORY_NAME) && !f.toString().contains("/target/"))
                    .forEach(f -> files.add(Arguments.of("scenario", f)));
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("shippedFiles")
    void everyShippedFileValidatesAndNamesItsSchema(String kind, Path file) throws IOException {
        assertThat(errors(kind, Files.readString(file))).isEmpty();
        assertThat(Files.readAllLines(file).get(0)).isEqualTo(
                "# yaml-language-server: $schema=" + file.getParent().relativize(schema(kind)));
    }

    @Test
    void aDurationThatIsAListDoesNotValidate() throws IOException {
        List<Error> errors = errors("scenario", "name: s\ntopology: t\nduration: [1m, 2m]\n");

        assertThat(errors).isNotEmpty().extracting(e -> e.getInstanceLocation().toString()).containsOnly("/duration");
        assertThat(errors).extracting(Error::getMessage).allMatch(m -> m.contains("array") && m.contains("string"), "names both types");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "duration: 1 minute",
        "duration: 1m\nfaults: [{ at: 1s, partition: { between: [a], and: [b] }, cluster-loss: { cluster: a } }]",
        "duration: 1m\nfaults: [{ at: 1s, cluster-loss: { cluster: a, count: 1 } }]",
        "duration: 1m\nslo: { availability: { min: lots } }",
        "duration: 1m\nslo: { availability: { min: 101% } }",
        "duration: 1m\nslo: { cross-cluster-latency: { percentile: 99 } }",
        "duration: 1m\ntraffic: { rate: 50 }",
        "duration: 1m\nsteps: [{ at: 5s, drift: { cluster: a, object: ConfigMap/x, delete: false } }]",
        "duration: 1m\nload: { rate: 10/s, ramp: { from: 1/s, to: 2/s } }",
        "duration: 1m\nexplore: { window: { min: 1s } }",
        "duration: 1m\nseed: forty-two",
        "duration: 1m\ncolour: blue"})
    void wrongScenariosDoNotValidate(String rest) throws IOException {
        assertThat(errors("scenario", "name: s\ntopology: t\n" + rest + "\n")).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "clusters: []",
        "clusters: [{ name: a, region: r, role: leader }]",
        "clusters: [{ name: a, region: r, role: active, nodes: 0 }]",
        "clusters: [{ name: clients, region: r, role: active }]",
        "clusters: [{ name: a, region: r, role: active }]\nfabric: { global-load-balancer: { policy: weighted } }",
        "clusters: [{ name: a, region: r, role: active }]\nnetwork: { latency: [{ between: [r], rtt: 1ms }] }",
        "clusters: [{ name: a, region: r, role: active }]\nworkload: { manifests: [m.yaml] }"})
    void wrongTopologiesDoNotValidate(String rest) throws IOException {
        assertThat(errors("topology", "name: t\n" + rest + "\n")).isNotEmpty();
    }

    private static List<Error> errors(String kind, String yaml) throws IOException {
        Path file = schema(kind);
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(file.toUri().toString()), Files.readString(file), InputFormat.JSON);
        return schema.validate(yaml, InputFormat.YAML);
    }

    private static Path schema(String kind) {
        return CHECKOUT.resolve("docs/schema/" + kind + ".schema.json");
    }

    /** The {@code *.yaml} files in {@code dir}, down to {@code depth} levels. */
    private static Stream<Path> yamlFiles(Path dir, int depth) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(dir, depth)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }
}
