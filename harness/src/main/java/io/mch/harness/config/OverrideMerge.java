package io.mch.harness.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A scenario's {@code overrides:} deep-merged into its topology, on the node trees before any
 * binding, so that the merged topology is validated exactly like a topology file (an override
 * can neither smuggle in an unknown field nor skip a check). Mappings merge key by key; scalars
 * and lists replace. Every node taken from the overrides is recorded, so its problems are
 * reported in the scenario file.
 */
final class OverrideMerge {

    private OverrideMerge() {}

    static Node merge(Node base, Node overrides, Set<Node> fromOverrides) {
        if (!(base instanceof MappingNode baseMap) || !(overrides instanceof MappingNode overrideMap)) {
            markAll(overrides, fromOverrides);
            return overrides;
        }
        List<NodeTuple> merged = new ArrayList<>(baseMap.getValue());
        for (NodeTuple override : overrideMap.getValue()) {
            Optional<Integer> existing = indexOf(merged, override.getKeyNode());
            if (existing.isPresent()) {
                NodeTuple original = merged.get(existing.get());
                Node value = merge(original.getValueNode(), override.getValueNode(), fromOverrides);
                merged.set(existing.get(), new NodeTuple(original.getKeyNode(), value));
            } else {
                markAll(override.getKeyNode(), fromOverrides);
                markAll(override.getValueNode(), fromOverrides);
                merged.add(override);
            }
        }
        return new MappingNode(baseMap.getTag(), true, merged, baseMap.getStartMark(), baseMap.getEndMark(),
                baseMap.getFlowStyle());
    }

    private static Optional<Integer> indexOf(List<NodeTuple> tuples, Node key) {
        if (!(key instanceof ScalarNode wanted)) {
            return Optional.empty();
        }
        for (int i = 0; i < tuples.size(); i++) {
            if (tuples.get(i).getKeyNode() instanceof ScalarNode k && k.getValue().equals(wanted.getValue())) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static void markAll(Node node, Set<Node> marked) {
        if (!marked.add(node)) {
            return;
        }
        if (node instanceof MappingNode mapping) {
            mapping.getValue().forEach(t -> {
                markAll(t.getKeyNode(), marked);
                markAll(t.getValueNode(), marked);
            });
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(n -> markAll(n, marked));
        }
    }
}
