package io.mch.harness.config;

import io.mch.harness.input.Cursor;
import io.mch.harness.input.Problems;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * Reads a Velero {@code Restore} manifest, the restore the DR controller performs on failover
 * (and a {@code replicate} or {@code failover} step): its filters ({@link ResourceSelection}) and
 * {@code existingResourcePolicy} ({@code none}, Velero's default: an object that already exists
 * is left as it is; {@code update}: it is replaced by the backup's). It restores the newest
 * backup of the topology's schedule, as {@code scheduleName} asks (which must then name that
 * schedule); {@code backupName} and every other field are refused, except
 * {@code itemOperationTimeout} and {@code uploaderConfig}, which concern volume data mch does
 * not simulate.
 */
final class VeleroRestore {

    private static final List<String> SPEC = Stream.concat(VeleroFields.FILTERS.stream(),
            Stream.of("scheduleName", "existingResourcePolicy")).toList();
    private static final Set<String> NO_EFFECT = Set.of("itemOperationTimeout", "uploaderConfig");
    private static final List<String> POLICIES = List.of("none", "update");

    private VeleroRestore() {}

    /**
     * The restore in {@code file}; {@code schedule} is the Schedule's name, when there is one;
     * each included namespace must satisfy {@code known} (which reports it if not).
     */
    static Optional<ReplicationSpec.Restore> read(Path file, Problems problems, Optional<String> schedule,
            BiPredicate<Cursor, String> known) {
        return VeleroFields.document(file, problems, "Restore").flatMap(m -> {
            Optional<ManifestMapping> spec = m.requireMapping("spec");
            if (spec.isEmpty()) {
                return Optional.empty();
            }
            boolean modelled = VeleroFields.onlyModelled(spec.get(), SPEC, NO_EFFECT, "Restore's spec");
            boolean sameSchedule = spec.get().get("scheduleName").map(c -> c.text().filter(n -> {
                if (schedule.isEmpty()) {
                    c.problem("the backup is given by mch's own keys, not a Schedule; remove scheduleName");
                } else if (!n.equals(schedule.get())) {
                    c.problem("restores from schedule '" + n + "', but the topology's schedule is '" + schedule.get() + "'");
                }
                return schedule.isPresent() && n.equals(schedule.get());
            }).isPresent()).orElse(true);
            Optional<Boolean> update = spec.get().get("existingResourcePolicy").map(c -> c.text().filter(p -> {
                if (!POLICIES.contains(p)) {
                    c.problem("Velero's existingResourcePolicy is none or update, found '" + p + "'");
                }
                return POLICIES.contains(p);
            }).map("update"::equals)).orElse(Optional.of(false));
            Optional<ResourceSelection> selection = VeleroFields.selection(spec.get(), known);
            if (!modelled || !sameSchedule || update.isEmpty() || selection.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ReplicationSpec.Restore(selection.get(), update.get(), Optional.of(file)));
        });
    }

    /** Velero's default restore: everything in the backup, existing objects left as they are. */
    static ReplicationSpec.Restore defaults() {
        return new ReplicationSpec.Restore(ResourceSelection.ALL, false, Optional.empty());
    }
}
