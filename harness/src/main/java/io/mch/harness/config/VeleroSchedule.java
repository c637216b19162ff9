package io.mch.harness.config;

import io.mch.harness.input.Cursor;
import io.mch.harness.input.Problems;
import io.mch.harness.input.Quantities;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Velero {@code Schedule} manifest, so a team's own schedule drives the simulated backups:
 * {@code spec.schedule} gives the period and {@code spec.template.includedNamespaces} the one
 * namespace backed up. Velero's schedules are cron expressions; only the periodic forms have a
 * period ({@code @every 1m}, with Go's duration syntax such as {@code 1h30m}, and the descriptors
 * {@code @hourly}, {@code @daily}/{@code @midnight}, {@code @weekly}), so other expressions are
 * refused. Which clusters it runs between is not part of a Schedule, so the topology says that.
 */
final class VeleroSchedule {

    /** The namespace to back up and the backup period. */
    record Read(String namespace, Duration every) {}

    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");
    private static final Map<String, Duration> DESCRIPTORS = Map.of(
            "@hourly", Duration.ofHours(1),
            "@daily", Duration.ofDays(1),
            "@midnight", Duration.ofDays(1),
            "@weekly", Duration.ofDays(7));

    private VeleroSchedule() {}

    /** The schedule in {@code file}; its namespace must satisfy {@code known} (which reports it if not). */
    static Optional<Read> read(Path file, Problems problems, BiPredicate<Cursor, String> known) {
        Problems inFile = problems.about(file);
        return YamlFiles.read(file, inFile).flatMap(root -> ManifestMapping.of(new Cursor(root, "", inFile))).flatMap(m -> {
            Optional<String> kind = m.require("kind").flatMap(c -> c.text().filter(k -> {
                if (!k.equals("Schedule")) {
                    c.problem("expected a Velero Schedule, found kind '" + k + "'");
                }
                return k.equals("Schedule");
            }));
            if (kind.isEmpty()) {
                return Optional.empty();
            }
            Optional<ManifestMapping> spec = m.requireMapping("spec");
            Optional<Duration> every = spec.flatMap(s -> s.require("schedule"))
                    .flatMap(c -> c.text().flatMap(text -> period(c, text)));
            Optional<String> namespace = spec.flatMap(s -> s.requireMapping("template"))
                    .flatMap(t -> t.require("includedNamespaces")).flatMap(VeleroSchedule::oneNamespace)
                    .flatMap(c -> c.name().filter(n -> known.test(c, n)));
            if (every.isEmpty() || namespace.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Read(namespace.get(), every.get()));
        });
    }

    private static Optional<Cursor> oneNamespace(Cursor list) {
        return list.items().flatMap(items -> {
            if (items.size() != 1) {
                list.problem("expected exactly one namespace, found " + items.size());
                return Optional.empty();
            }
            return Optional.of(items.get(0));
        });
    }

    private static Optional<Duration> period(Cursor at, String schedule) {
        String trimmed = schedule.strip();
        if (DESCRIPTORS.containsKey(trimmed)) {
            return Optional.of(DESCRIPTORS.get(trimmed));
        }
        if (trimmed.startsWith("@every ")) {
            Optional<Duration> every = goDuration(trimmed.substring("@every ".length()).strip());
            if (every.isEmpty()) {
                at.problem("malformed '@every' period in '" + schedule + "'; expected e.g. @every 1m or @every 1h30m");
            } else if (every.get().isZero()) {
                at.problem("the period must be above zero");
                return Optional.empty();
            }
            return every;
        }
        at.problem("'" + schedule + "' has no fixed period; use @every <duration> (e.g. @every 1m), @hourly,"
                + " @daily or @weekly");
        return Optional.empty();
    }

    /** Go's {@code time.ParseDuration} notation with the units h, m, s and ms ({@code 1h30m}). */
    private static Optional<Duration> goDuration(String text) {
        Matcher m = GO_DURATION_PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            total = total.plus(Quantities.duration(m.group()));
            end = m.end();
        }
        return end == text.length() && end > 0 ? Optional.of(total) : Optional.empty();
    }
}
