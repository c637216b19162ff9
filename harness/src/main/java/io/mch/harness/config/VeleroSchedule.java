package io.mch.harness.config;

import io.mch.harness.input.Cursor;
import io.mch.harness.input.Problems;
import io.mch.harness.input.Quantities;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Velero {@code Schedule} manifest, so a team's own schedule drives the simulated backups
 * as Velero would take them: {@code spec.schedule} (five-field cron, robfig/cron's descriptors
 * such as {@code @daily}, or {@code @every <duration>} in Go's notation), {@code paused},
 * {@code skipImmediately} (see {@link BackupCadence}), and the backup template's filters
 * ({@link ResourceSelection}) and {@code ttl} (default 720 h, Velero's). Every other field of the
 * spec and template is refused, except those without effect on what mch simulates
 * ({@code useOwnerReferencesInBackup}, the template's {@code metadata}). Which clusters it runs
 * between is not part of a Schedule, so the topology says that.
 */
final class VeleroSchedule {

    /** What the Schedule says. */
    record Read(String name, BackupCadence cadence, ResourceSelection selection, Duration ttl) {}

    /** Velero's default backup TTL: 30 days. */
    static final Duration DEFAULT_TTL = Duration.ofHours(720);

    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");
    private static final Map<String, String> DESCRIPTORS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");
    private static final List<String> SPEC = List.of("schedule", "template", "paused", "skipImmediately");
    private static final Set<String> SPEC_NO_EFFECT = Set.of("useOwnerReferencesInBackup");
    private static final List<String> TEMPLATE = concat(VeleroFields.FILTERS, "ttl");
    private static final Set<String> TEMPLATE_NO_EFFECT = Set.of("metadata");

    private VeleroSchedule() {}

    /** The schedule in {@code file}; each included namespace must satisfy {@code known} (which reports it if not). */
    static Optional<Read> read(Path file, Problems problems, BiPredicate<Cursor, String> known) {
        return VeleroFields.document(file, problems, "Schedule").flatMap(m -> {
            Optional<String> name = m.requireMapping("metadata").flatMap(md -> md.require("name")).flatMap(Cursor::text);
            Optional<ManifestMapping> spec = m.requireMapping("spec");
            if (spec.isEmpty()) {
                return Optional.empty();
            }
            boolean modelled = VeleroFields.onlyModelled(spec.get(), SPEC, SPEC_NO_EFFECT, "Schedule's spec");
            Optional<Boolean> paused = spec.get().bool("paused", false);
            Optional<Boolean> skip = spec.get().bool("skipImmediately", false);
            Optional<BackupCadence> cadence = spec.get().require("schedule").flatMap(c -> c.text().flatMap(text -> cadence(c, text)))
                    .flatMap(c -> paused.flatMap(p -> skip.map(s -> new BackupCadence(c.cron(), c.every(), p, s))));
            Optional<ManifestMapping> template = spec.get().requireMapping("template");
            boolean templateModelled = template.map(t -> VeleroFields.onlyModelled(t, TEMPLATE, TEMPLATE_NO_EFFECT,
                    "Schedule's backup template")).orElse(false);
            Optional<ResourceSelection> selection = template.flatMap(t -> VeleroFields.selection(t, known));
            Optional<Duration> ttl = template.flatMap(t -> t.get("ttl").map(c -> c.text().flatMap(text -> goDuration(c, text)))
                    .orElse(Optional.of(DEFAULT_TTL)));
            if (!modelled || !templateModelled || name.isEmpty() || cadence.isEmpty() || selection.isEmpty() || ttl.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Read(name.get(), cadence.get(), selection.get(), ttl.get()));
        });
    }

    private static Optional<BackupCadence> cadence(Cursor at, String schedule) {
        String trimmed = schedule.strip();
        if (trimmed.startsWith("@every ")) {
            Optional<Duration> every = goDuration(at, trimmed.substring("@every ".length()).strip());
            if (every.isPresent() && every.get().isZero()) {
                at.problem("the period must be above zero");
                return Optional.empty();
            }
            return every.map(BackupCadence::every);
        }
        String expression = DESCRIPTORS.getOrDefault(trimmed, trimmed);
        try {
            BackupCadence.parse(expression);
        } catch (IllegalArgumentException e) {
            at.problem("'" + schedule + "' is not a five-field cron expression (minute hour day-of-month month"
                    + " day-of-week), a descriptor (@hourly, @daily, ...) or @every <duration>: " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new BackupCadence(Optional.of(expression), Optional.empty(), false, false));
    }

    /** Go's {@code time.ParseDuration} notation with the units h, m, s and ms ({@code 1h30m}). */
    private static Optional<Duration> goDuration(Cursor at, String text) {
        Matcher m = GO_DURATION_PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            total = total.plus(Quantities.duration(m.group()));
            end = m.end();
        }
        if (end != text.length() || end == 0) {
            at.problem("malformed duration '" + text + "'; expected Go's notation, e.g. 1m, 1h30m or 720h0m0s");
            return Optional.empty();
        }
        return Optional.of(total);
    }

    private static List<String> concat(List<String> list, String more) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(more)).toList();
    }
}
