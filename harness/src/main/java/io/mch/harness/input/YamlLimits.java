package io.mch.harness.input;

import java.io.StringReader;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;

/**
 * The one set of bounds on every YAML mch parses (scenarios, topologies, manifests, step patches,
 * kubeconfigs, a GitOps repository's files), so that no file can make a parse or what is built from
 * it grow beyond its own size: an alias bomb ("billion laughs") expands each alias into a copy, and
 * SnakeYAML's default of 50 aliases already allows 9^5 copies of a list. Kubernetes manifests and
 * mch's own files need aliases rarely, so few are allowed.
 */
public final class YamlLimits {

    /** The largest file mch reads as input: the biggest shipped file is a few KiB. */
    public static final int MAX_BYTES = 1 << 20;
    /** Aliases per file: enough for a shared anchor or two, far too few to multiply a document. */
    public static final int MAX_ALIASES = 10;
    /** Nesting levels: Kubernetes objects nest about 10 deep. */
    public static final int MAX_DEPTH = 50;

    private YamlLimits() {}

    /** SnakeYAML's options with these bounds and no duplicate keys, for every parser. */
    public static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /**
     * Where {@code text} first passes a bound, and which, found by reading its events (which build
     * nothing) before it is composed, so the problem has a line and column; SnakeYAML's own checks
     * report none. Empty when within bounds; a syntax error is left to the composer to report.
     */
    public static Optional<Located> exceeded(String text) {
        int aliases = 0;
        int depth = 0;
        for (Event event : new Yaml(options()).parse(new StringReader(text))) {
            if (event instanceof AliasEvent && ++aliases > MAX_ALIASES) {
                return Optional.of(new Located(event.getStartMark(),
                        "more than " + MAX_ALIASES + " aliases (*name); write the values out"));
            }
            if (event instanceof CollectionStartEvent && ++depth > MAX_DEPTH) {
                return Optional.of(new Located(event.getStartMark(), "nested more than " + MAX_DEPTH + " levels deep"));
            }
            if (event instanceof CollectionEndEvent) {
                depth--;
            }
        }
        return Optional.empty();
    }

    /** A bound passed at a position of the file. */
    public record Located(Mark mark, String message) {
        public int line() {
            return mark == null ? 0 : mark.getLine() + 1;
        }

        public int column() {
            return mark == null ? 0 : mark.getColumn() + 1;
        }
    }
}
