package io.mch.harness.input;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML node together with its field path ({@code faults[2].partition.between[0]}) and the
 * problem sink, so that every typed read either yields a value or records exactly one problem at
 * the node's own line and column. Reads never throw: the binders carry on and collect everything.
 */
public final class Cursor {

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private final Node node;
    private final String path;
    private final Problems problems;

    public Cursor(Node node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    public Node node() {
        return node;
    }

    public String path() {
        return path;
    }

    public Problems problems() {
        return problems;
    }

    public void problem(String message) {
        problems.at(node, path, message);
    }

    /** A mapping whose keys must all be among {@code allowed}; unknown and repeated keys are problems. */
    public Optional<Fields> fields(List<String> allowed) {
        return tuples().map(tuples -> {
            Map<String, NodeTuple> known = new LinkedHashMap<>();
            tuples.forEach((key, tuple) -> {
                if (allowed.contains(key)) {
                    known.put(key, tuple);
                } else {
                    problems.at(tuple.getKeyNode(), join(path, key), "unknown field '" + Names.shown(key)
                            + "'; allowed fields are " + String.join(", ", allowed) + Names.hint(key, allowed));
                }
            });
            return new Fields(this, known);
        });
    }

    /** A mapping with free-form keys (labels, per-cluster weights): its values in file order. */
    public Optional<Map<String, Cursor>> entries() {
        return tuples().map(tuples -> {
            Map<String, Cursor> values = new LinkedHashMap<>();
            tuples.forEach((key, tuple) -> values.put(key, new Cursor(tuple.getValueNode(), join(path, key), problems)));
            return values;
        });
    }

    private Optional<Map<String, NodeTuple>> tuples() {
        if (!(node instanceof MappingNode mapping)) {
            problem("expected a mapping, found " + describe(node, path.isEmpty()));
            return Optional.empty();
        }
        Map<String, NodeTuple> tuples = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problems.at(tuple.getKeyNode(), path, "keys must be plain words, found " + describe(tuple.getKeyNode(), false));
                continue;
            }
            String key = keyNode.getValue();
            NodeTuple first = tuples.putIfAbsent(key, tuple);
            if (first != null) {
                problems.at(keyNode, join(path, key), "duplicate key '" + Names.shown(key) + "' (first at line "
                        + (first.getKeyNode().getStartMark().getLine() + 1) + ")");
            }
        }
        return Optional.of(tuples);
    }

    public Optional<List<Cursor>> items() {
        if (!(node instanceof SequenceNode sequence)) {
            problem("expected a list, found " + describe(node, path.isEmpty()));
            return Optional.empty();
        }
        List<Cursor> items = new ArrayList<>();
        List<Node> nodes = sequence.getValue();
        for (int i = 0; i < nodes.size(); i++) {
            items.add(new Cursor(nodes.get(i), path + "[" + i + "]", problems));
        }
        return Optional.of(items);
    }

    /** Items read with {@code read}; empty when this is not a list or any item failed. */
    public <T> Optional<List<T>> list(Function<Cursor, Optional<T>> read) {
        return items().flatMap(items -> {
            List<T> values = new ArrayList<>();
            boolean complete = true;
            for (Cursor item : items) {
                Optional<T> value = read.apply(item);
                value.ifPresent(values::add);
                complete &= value.isPresent();
            }
            return complete ? Optional.of(values) : Optional.empty();
        });
    }

    /** A non-empty scalar, as written, without NUL characters (a path with one cannot exist, and it cuts C strings). */
    public Optional<String> text() {
        if (!(node instanceof ScalarNode scalar)) {
            problem("expected a value, found " + describe(node, path.isEmpty()));
            return Optional.empty();
        }
        if (scalar.getTag().equals(Tag.NULL) || scalar.getValue().isBlank()) {
            problem("must not be empty");
            return Optional.empty();
        }
        if (scalar.getValue().indexOf('\0') >= 0) {
            problem("must not contain a NUL character (\\0): no name, path or quantity has one");
            return Optional.empty();
        }
        return Optional.of(scalar.getValue());
    }

    /** A name as Kubernetes writes a DNS label (RFC 1123): see {@link Names#valid}. */
    public Optional<String> name() {
        return text().filter(value -> {
            Optional<String> wrong = Names.problem(value);
            wrong.ifPresent(this::problem);
            return wrong.isEmpty();
        });
    }

    public Optional<Long> longInteger() {
        return text().flatMap(value -> {
            if (INTEGER.matcher(value).matches()) {
                try {
                    return Optional.of(Long.parseLong(value));
                } catch (NumberFormatException tooLarge) {
                    problem("'" + Names.shown(value) + "' is too large");
                    return Optional.empty();
                }
            }
            problem("expected a whole number, found '" + Names.shown(value) + "'");
            return Optional.empty();
        });
    }

    public Optional<Integer> integer() {
        return longInteger().filter(value -> {
            if (value == value.intValue()) {
                return true;
            }
            problem("'" + Names.shown(value.toString()) + "' is too large");
            return false;
        }).map(Long::intValue);
    }

    public Optional<Double> number() {
        return text().flatMap(value -> {
            if (NUMBER.matcher(value).matches()) {
                double number = Double.parseDouble(value);
                if (Double.isFinite(number)) {
                    return Optional.of(number);
                }
                problem("'" + Names.shown(value) + "' is too large");
                return Optional.empty();
            }
            problem("expected a number, found '" + Names.shown(value) + "'");
            return Optional.empty();
        });
    }

    /** A duration of at most {@link Quantities#MAX_DURATION}. */
    public Optional<Duration> duration() {
        return parsed(Quantities::duration).filter(d -> {
            if (d.compareTo(Quantities.MAX_DURATION) > 0) {
                problem("must be at most " + Quantities.format(Quantities.MAX_DURATION) + " (24h, the longest scenario),"
                        + " found " + Quantities.format(d));
                return false;
            }
            return true;
        });
    }

    public Optional<Double> percent() {
        return parsed(Quantities::percent);
    }

    public Optional<Double> ratePerSecond() {
        return parsed(Quantities::ratePerSecond);
    }

    /** {@code value} if it is at least {@code minimum}; otherwise a problem here. */
    public <T extends Comparable<T>> Optional<T> atLeast(Optional<T> value, T minimum) {
        return value.filter(v -> {
            if (v.compareTo(minimum) < 0) {
                problem("must be at least " + minimum + ", found " + v);
                return false;
            }
            return true;
        });
    }

    /**
     * {@code value} if it lies in [{@code minimum}, {@code maximum}]; otherwise a problem here that
     * names the allowed range, written with {@code show} (so a duration reads {@code 24h}, not nanoseconds).
     */
    public <T extends Comparable<T>> Optional<T> within(Optional<T> value, T minimum, T maximum, Function<T, String> show) {
        return value.filter(v -> {
            if (v.compareTo(minimum) < 0 || v.compareTo(maximum) > 0) {
                problem("must be between " + show.apply(minimum) + " and " + show.apply(maximum)
                        + ", found " + show.apply(v));
                return false;
            }
            return true;
        });
    }

    /** {@code value} if it is above zero; otherwise a problem here. */
    public Optional<Duration> positive(Optional<Duration> value) {
        return value.filter(v -> {
            if (v.isZero()) {
                problem("must be above zero");
                return false;
            }
            return true;
        });
    }

    /** One of the enum's constants, written in lower case with '-' for '_' ({@code round-robin}). */
    public <E extends Enum<E>> Optional<E> choice(Class<E> type) {
        Map<String, E> byName = Arrays.stream(type.getEnumConstants())
                .collect(Collectors.toMap(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        e -> e, (a, b) -> a, LinkedHashMap::new));
        return text().flatMap(value -> {
            E choice = byName.get(value);
            if (choice == null) {
                problem("'" + Names.shown(value) + "' is not one of " + String.join(", ", byName.keySet())
                        + Names.hint(value, byName.keySet()));
            }
            return Optional.ofNullable(choice);
        });
    }

    private <T> Optional<T> parsed(Function<String, T> parser) {
        return text().flatMap(value -> {
            try {
                return Optional.of(parser.apply(value));
            } catch (IllegalArgumentException e) {
                problem(e.getMessage());
                return Optional.empty();
            }
        });
    }

    public static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /**
     * What was found instead, for a message. A value is quoted only inside a document: a whole file
     * that is one text value (an env file, a key a path pointed at) is never echoed.
     */
    private static String describe(Node node, boolean wholeFile) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar.getTag().equals(Tag.NULL)) {
            return "nothing";
        }
        return wholeFile ? "text, not YAML (contents not shown)" : "'" + Names.shown(scalar.getValue()) + "'";
    }
}
