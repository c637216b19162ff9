package io.mch.harness.config;

import io.mch.harness.fault.registry.FaultTypes;
import io.mch.harness.input.Problem;
import io.mch.harness.input.Problems;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * What {@code ./mch validate FILE...} runs: every problem of a scenario or topology file, without
 * the caller having to say which kind it is, so one command checks a whole directory of both.
 * A file with {@code topology:} or {@code duration:} at the top is a scenario (and its topology is
 * validated with it); one with {@code clusters:} is a topology.
 */
public final class Validation {

    private Validation() {}

    /** All problems; empty means valid. Topology names resolve through {@link Fixtures#discover()}. */
    public static List<Problem> validate(Path file) {
        return validate(file, Fixtures.discover());
    }

    public static List<Problem> validate(Path file, Fixtures fixtures) {
        Problems problems = new Problems(file);
        YamlFiles.read(file, problems).ifPresent(root -> {
            switch (kind(root)) {
                case SCENARIO -> ScenarioBinder.bind(file, root, fixtures, FaultTypes.BUILT_IN, problems);
                case TOPOLOGY -> TopologyBinder.bind(file, root, problems);
                case UNKNOWN -> problems.inFile(1, 1, "neither a scenario (it would have 'topology:' and"
                        + " 'duration:') nor a topology (it would have 'clusters:')");
            }
        });
        return problems.all();
    }

    private enum Kind { SCENARIO, TOPOLOGY, UNKNOWN }

    private static Kind kind(Node root) {
        if (!(root instanceof MappingNode mapping)) {
            return Kind.UNKNOWN;
        }
        List<String> keys = mapping.getValue().stream()
                .map(t -> t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "")
                .toList();
        if (keys.contains("topology") || keys.contains("duration")) {
            return Kind.SCENARIO;
        }
        return keys.contains("clusters") ? Kind.TOPOLOGY : Kind.UNKNOWN;
    }
}
