package io.mch.harness.backend.k3s;

import io.mch.harness.config.Scenario;
import io.mch.harness.input.Cursor;
import io.mch.harness.input.Problem;
import io.mch.harness.input.Problems;
import io.mch.harness.input.YamlLimits;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * Refuses, before anything starts, a scenario whose Kubernetes timings k3s cannot be given (see
 * {@link K3sFlags#refusal}), located where the value was written: the scenario's
 * {@code overrides.kubernetes}, else the topology's {@code kubernetes} section.
 */
final class TimingRefusals {

    private TimingRefusals() {}

    static List<Problem> of(Scenario scenario) {
        Optional<K3sFlags.Refusal> refusal = K3sFlags.refusal(scenario.topology().kubernetes());
        if (refusal.isEmpty()) {
            return List.of();
        }
        String message = refusal.get().message();
        String field = refusal.get().field();
        for (Located place : List.of(new Located(scenario.file(), List.of("overrides", "kubernetes", field)),
                new Located(scenario.topology().file(), List.of("kubernetes", field)))) {
            Optional<List<Problem>> found = place.problem(message);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return List.of(new Problem(scenario.topology().file(), 0, 0, "kubernetes." + field, message));
    }

    /** A key path in a YAML file (already validated: only line numbers are read here). */
    private record Located(Path file, List<String> keys) {

        Optional<List<Problem>> problem(String message) {
            Problems problems = new Problems(file);
            Optional<Cursor> cursor = root(problems);
            for (String key : keys) {
                cursor = cursor.filter(c -> c.node() instanceof MappingNode)
                        .flatMap(c -> c.entries().map(entries -> entries.get(key)));
            }
            cursor.ifPresent(c -> c.problem(message));
            return cursor.map(c -> problems.all());
        }

        private Optional<Cursor> root(Problems problems) {
            try (Reader in = Files.newBufferedReader(file)) {
                return Optional.ofNullable(new Yaml(YamlLimits.options()).compose(in))
                        .map(node -> new Cursor(node, "", problems));
            } catch (IOException | YAMLException e) {
                return Optional.empty();
            }
        }
    }
}
