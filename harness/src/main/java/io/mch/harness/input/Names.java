package io.mch.harness.input;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Name rules and "did you mean" hints. Names end up in URLs, file names, label values and run
 * records, hence the conservative alphabet; the hints turn the most common mistake (a typo in a
 * cluster or field name) into a one-glance fix.
 */
public final class Names {

    /** Kubernetes' DNS label (RFC 1123): what a name must be to be a namespace, a label value, a host. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern ALPHABET = Pattern.compile("[a-z0-9-]+");
    /** The longest DNS label (RFC 1123), as Kubernetes limits namespace and label names. */
    public static final int MAX_LENGTH = 63;
    private static final int MAX_HINT_DISTANCE = 2;
    /**
     * Longer input gets no hint: the edit distance costs the product of both lengths, and a typo of
     * a field or cluster name is never this long.
     */
    private static final int MAX_HINT_INPUT = 64;
    private static final int MAX_SHOWN = 64;

    private Names() {}

    public static boolean valid(String name) {
        return problem(name).isEmpty();
    }

    /** Why {@code name} is not a valid name, or empty. */
    public static Optional<String> problem(String name) {
        if (name.length() > MAX_LENGTH) {
            return Optional.of("a name has at most " + MAX_LENGTH + " characters, found " + name.length());
        }
        if (!ALPHABET.matcher(name).matches()) {
            return Optional.of("'" + shown(name) + "' is not a valid name; use lower-case letters, digits and '-'");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of("'" + shown(name) + "' is not a valid name; start and end it with a letter or digit");
        }
        return Optional.empty();
    }

    /** {@code value} for a message: as written up to 64 characters, else its start and its length. */
    public static String shown(String value) {
        return value.length() <= MAX_SHOWN ? value
                : value.substring(0, MAX_SHOWN) + "... (" + value.length() + " characters)";
    }

    /** The candidate closest to {@code wrong}, if within edit distance 2 (none for input over 64 characters). */
    public static Optional<String> closest(String wrong, Collection<String> candidates) {
        if (wrong.length() > MAX_HINT_INPUT) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = MAX_HINT_DISTANCE + 1;
        for (String candidate : candidates) {
            int d = distance(wrong, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code "; did you mean 'x'?"} or nothing. */
    public static String hint(String wrong, Collection<String> candidates) {
        return closest(wrong, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
