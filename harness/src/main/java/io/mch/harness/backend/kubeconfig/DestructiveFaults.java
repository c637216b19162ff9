package io.mch.harness.backend.kubeconfig;

import io.mch.harness.input.YamlLimits;
import io.mch.faults.spec.ScheduledFault;
import io.mch.harness.config.Scenario;
import io.mch.harness.fault.registry.FaultTypes;
import io.mch.harness.input.Problem;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The safety rule of existing clusters: a fault that takes nodes or a cluster away (node loss,
 * cluster loss) runs only on a context the user named in {@code --allow-destructive}, and the
 * check happens on the scenario alone, before any cluster is contacted, so a scenario written for
 * the embedded backend can never disturb production by accident.
 */
public final class DestructiveFaults {

    private DestructiveFaults() {}

    /** One problem per destructive fault on a context that is not allowed, located in the scenario file. */
    public static List<Problem> refused(Scenario scenario, KubeconfigOptions commandLine) {
        KubeconfigOptions options = commandLine.forTopology(scenario.topology());
        List<Problem> problems = new ArrayList<>();
        Optional<Node> root = Optional.empty();
        for (ScheduledFault fault : scenario.faults()) {
            Optional<String> cluster = FaultTypes.BUILT_IN.of(fault.spec()).destroys();
            if (cluster.isEmpty() || options.allowDestructive().contains(options.context(cluster.get()))) {
                continue;
            }
            if (root.isEmpty()) {
                root = compose(scenario);
            }
            String type = fault.spec().type();
            Optional<Mark> mark = root.flatMap(r -> value(r, "faults"))
                    .flatMap(f -> item(f, fault.index()))
                    .flatMap(f -> key(f, type));
            problems.add(new Problem(scenario.file(), mark.map(m -> m.getLine() + 1).orElse(0),
                    mark.map(m -> m.getColumn() + 1).orElse(0), "faults[" + fault.index() + "]." + type,
                    "context '" + options.context(cluster.get()) + "' is not in --allow-destructive;"
                            + " destructive faults on existing clusters need explicit permission"));
        }
        return problems;
    }

    /** The scenario's node tree, for line numbers only (it has been validated already). */
    private static Optional<Node> compose(Scenario scenario) {
        try (Reader in = Files.newBufferedReader(scenario.file())) {
            return Optional.ofNullable(new Yaml(YamlLimits.options()).compose(in));
        } catch (IOException | YAMLException e) {
            return Optional.empty();
        }
    }

    private static Optional<Node> value(Node mapping, String key) {
        return tuple(mapping, key).map(NodeTuple::getValueNode);
    }

    private static Optional<Mark> key(Node mapping, String key) {
        return tuple(mapping, key).map(t -> t.getKeyNode().getStartMark());
    }

    private static Optional<NodeTuple> tuple(Node mapping, String key) {
        if (!(mapping instanceof MappingNode map)) {
            return Optional.empty();
        }
        return map.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key))
                .findFirst();
    }

    private static Optional<Node> item(Node sequence, int index) {
        return sequence instanceof SequenceNode list && index < list.getValue().size()
                ? Optional.of(list.getValue().get(index))
                : Optional.empty();
    }
}
