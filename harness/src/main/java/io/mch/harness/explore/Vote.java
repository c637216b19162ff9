package io.mch.harness.explore;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a schedule counts as breaking an SLO: it breaks it in {@code k} of {@code n} runs. One run
 * decides nothing near the edge of a breach, where the same schedule breaks in one run and holds in
 * the next (threads, the machine's load); a vote keeps the shrinker from keeping a change that broke
 * by luck, or dropping one that held by luck. Runs stop as soon as the vote is decided.
 *
 * <p>The default 2 of 3 is the smallest vote that survives one wrong run either way: a schedule that
 * breaks in a fraction p of its runs passes it with probability p³ + 3p²(1 − p), so at p = 0.9 it
 * is kept 97 % of the time and a schedule that breaks by luck one run in ten 3 % of the time
 * (docs/explore.md says what was and was not measured).
 */
public record Vote(int k, int n) {

    public static final Vote DEFAULT = new Vote(2, 3);

    private static final Pattern FORM = Pattern.compile("(\\d{1,2})/(\\d{1,2})");

    public Vote {
        if (k < 1 || n < k || n > 20) {
            throw new IllegalArgumentException("a vote is K/N with 1 <= K <= N <= 20, not " + k + "/" + n);
        }
    }

    /** {@code K/N}, e.g. {@code 2/3}; empty when it is not of that form or out of range. */
    public static Optional<Vote> parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int k = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        return k >= 1 && n >= k && n <= 20 ? Optional.of(new Vote(k, n)) : Optional.empty();
    }

    /** Whether {@code breaks} breaking runs and {@code holds} holding ones decide the vote. */
    public boolean decided(int breaks, int holds) {
        return breaks >= k || holds > n - k;
    }

    /** The fewest further runs that could decide it: run this many at once, or more when lanes are idle. */
    public int fewestToDecide(int breaks, int holds) {
        return Math.min(k - breaks, n - k + 1 - holds);
    }

    /** Whether {@code breaks} of {@code runs} replays reach the same share as the vote (k/n). */
    public boolean holdsShare(int breaks, int runs) {
        return runs > 0 && (long) breaks * n >= (long) k * runs;
    }

    @Override
    public String toString() {
        return k + "/" + n;
    }
}
