package io.mch.harness.config;

import io.mch.harness.runtime.TimeScale;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Data replication and disaster recovery: Velero-style scheduled backups of a namespace to a
 * backup location, restored into another cluster on failover (which gives RPO and RTO), and
 * continuous replication of ConfigMaps/Secrets between clusters (which gives replication lag).
 */
public record ReplicationSpec(Optional<Backup> backup, List<ObjectReplication> objects) {

    public ReplicationSpec {
        objects = List.copyOf(objects);
    }

    /** Velero's default backup sync period. */
    public static final Duration VELERO_SYNC = Duration.ofSeconds(60);

    /**
     * A Velero {@code Schedule}: every {@code every}, the objects of {@code namespace} in
     * {@code from} are written to {@code location} (a folder relative to the run directory, empty:
     * {@code backups} in it; absolute only when given on the command line);
     * when traffic fails over to {@code restoreTo} (or a {@code failover} step promotes it), the
     * newest backup is restored there.
     *
     * @param file the Velero Schedule manifest it was read from, if any
     */
    public record Backup(
            String from,
            String namespace,
            Duration every,
            Optional<Path> location,
            String restoreTo,
            Optional<Path> file) {}

    /**
     * Continuous replication of objects of the given kinds ({@code ConfigMap}, {@code Secret}) in
     * {@code namespace} from one cluster to others through the network, every {@code interval}.
     */
    public record ObjectReplication(
            String from, List<String> to, String namespace, List<String> kinds, Duration interval) {
        public ObjectReplication {
            to = List.copyOf(to);
            kinds = List.copyOf(kinds);
        }
    }

    /** This spec with its backups written to {@code location} (the command line's {@code --backup-location}). */
    public ReplicationSpec withBackupLocation(Path location) {
        return new ReplicationSpec(backup.map(b -> new Backup(b.from(), b.namespace(), b.every(),
                Optional.of(location.toAbsolutePath().normalize()), b.restoreTo(), b.file())), objects);
    }

    /** This spec with its periods in wall time. */
    public ReplicationSpec wall(TimeScale scale) {
        return new ReplicationSpec(
                backup.map(b -> new Backup(b.from(), b.namespace(), scale.wall(b.every()), b.location(), b.restoreTo(),
                        b.file())),
                objects.stream()
                        .map(o -> new ObjectReplication(o.from(), o.to(), o.namespace(), o.kinds(), scale.wall(o.interval())))
                        .toList());
    }
}
