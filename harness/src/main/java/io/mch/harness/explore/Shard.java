package io.mch.harness.explore;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Shard {@code index} of {@code count} ({@code --shard I/N}): the tries whose number n (from 0)
 * has {@code n mod count == index - 1}. Schedule n depends on (seed, n) only, so the shards of one
 * seed split its tries without overlap or gap, on as many machines as there are shards, and
 * together try exactly what one search with the same budget tries.
 */
public record Shard(int index, int count) {

    public static final Shard WHOLE = new Shard(1, 1);

    private static final Pattern FORM = Pattern.compile("(\\d{1,4})/(\\d{1,4})");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is I/N with 1 <= I <= N, not " + index + "/" + count);
        }
    }

    /** {@code I/N}, e.g. {@code 2/4}; empty when it is not of that form or I is not in 1..N. */
    public static Optional<Shard> parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int index = Integer.parseInt(m.group(1));
        int count = Integer.parseInt(m.group(2));
        return count >= 1 && index >= 1 && index <= count ? Optional.of(new Shard(index, count)) : Optional.empty();
    }

    /** This shard's try numbers (from 0) of a search of {@code tries}, in order. */
    public List<Integer> tries(int tries) {
        return IntStream.range(0, tries).filter(n -> n % count == index - 1).boxed().toList();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
