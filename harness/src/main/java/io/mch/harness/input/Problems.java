package io.mch.harness.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Collects every problem of one validation (a scenario and the topology it names) instead of
 * stopping at the first, so an author fixes a file in one pass. Views made with {@link #about} and
 * {@link #withOverrides} share the list but locate nodes differently: a node that came from a
 * scenario's {@code overrides:} is reported in the scenario file under {@code overrides.<path>},
 * where the author can fix it, even though it is validated as part of the topology.
 */
public final class Problems {

    private final List<Problem> found;
    private final Path file;
    private final Overlay overlay;

    private record Overlay(Set<Node> nodes, Path file, String prefix) {}

    public Problems(Path file) {
        this(new ArrayList<>(), file, null);
    }

    private Problems(List<Problem> found, Path file, Overlay overlay) {
        this.found = found;
        this.file = file;
        this.overlay = overlay;
    }

    /** The same collection, for nodes of another file. */
    public Problems about(Path otherFile) {
        return new Problems(found, otherFile, null);
    }

    /** The same collection, where {@code nodes} belong to {@code scenarioFile} under {@code prefix}. */
    public Problems withOverrides(Set<Node> nodes, Path scenarioFile, String prefix) {
        return new Problems(found, file, new Overlay(nodes, scenarioFile, prefix));
    }

    public static Set<Node> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    public Path file() {
        return file;
    }

    public void at(Node node, String field, String message) {
        int line = node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
        int column = node.getStartMark() == null ? 0 : node.getStartMark().getColumn() + 1;
        if (overlay != null && overlay.nodes().contains(node)) {
            String path = field.isEmpty() ? overlay.prefix() : overlay.prefix() + "." + field;
            found.add(new Problem(overlay.file(), line, column, path, message));
        } else {
            found.add(new Problem(file, line, column, field, message));
        }
    }

    /** A problem of the file as a whole (unreadable, empty, wrong kind). */
    public void inFile(int line, int column, String message) {
        found.add(new Problem(file, line, column, "", message));
    }

    public int count() {
        return found.size();
    }

    /** Grouped by file in order of first mention, then by position, so output reads top to bottom. */
    public List<Problem> all() {
        Map<Path, Integer> fileOrder = new LinkedHashMap<>();
        found.forEach(p -> fileOrder.putIfAbsent(p.file(), fileOrder.size()));
        List<Problem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.<Problem>comparingInt(p -> fileOrder.get(p.file()))
                .thenComparingInt(Problem::line)
                .thenComparingInt(Problem::column));
        return List.copyOf(sorted);
    }

    public void throwIfAny() throws InvalidInputException {
        if (!found.isEmpty()) {
            throw new InvalidInputException(all());
        }
    }
}
