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

    public static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    private static final int MAX_HINT_DISTANCE = 2;

    private Names() {}

    public static boolean valid(String name) {
        return NAME.matcher(name).matches();
    }

    /** The candidate closest to {@code wrong}, if within edit distance 2. */
    public static Optional<String> closest(String wrong, Collection<String> candidates) {
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
