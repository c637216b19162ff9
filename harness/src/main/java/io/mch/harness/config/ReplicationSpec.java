package io.mch.harness.config;

import io.mch.harness.runtime.TimeScale;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Data replication and disaster recovery: Velero scheduled backups to a
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
     * A Velero {@code Schedule}: at the times of {@code cadence} (scenario time), the objects
     * {@code selection} selects in {@code from} are written to {@code location} (a folder
     * relative to the run directory, empty: {@code backups} in it; absolute only when given on the
     * command line); each backup expires {@code ttl} after it was taken. When traffic fails over
     * to {@code restoreTo} (or a {@code failover} step promotes it), the newest backup is restored
     * there as {@code restore} says.
     *
     * @param file the Velero Schedule manifest it was read from, if any
     */
    public record Backup(
            String from,
            BackupCadence cadence,
            ResourceSelection selection,
            Duration ttl,
            Optional<Path> location,
            String restoreTo,
            Restore restore,
            Optional<Path> file) {

        /** This backup with its location replaced. */
        Backup at(Path where) {
            return new Backup(from, cadence, selection, ttl, Optional.of(where), restoreTo, restore, file);
        }
    }

    /**
     * A Velero {@code Restore}: what of a backup is restored ({@code selection}) and whether an
     * object that already exists is replaced ({@code updateExisting}, Velero's
     * {@code existingResourcePolicy: update}) or left as it is (Velero's default).
     *
     * @param file the Velero Restore manifest it was read from, if any
     */
    public record Restore(ResourceSelection selection, boolean updateExisting, Optional<Path> file) {}

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
        return new ReplicationSpec(backup.map(b -> b.at(location.toAbsolutePath().normalize())), objects);
    }

    /**
     * This spec with its object replication periods in wall time. A backup's cadence and TTL stay
     * in scenario time: a cron expression names times on the run's clock (see {@link BackupCadence}).
     */
    public ReplicationSpec wall(TimeScale scale) {
        return new ReplicationSpec(
                backup,
                objects.stream()
                        .map(o -> new ObjectReplication(o.from(), o.to(), o.namespace(), o.kinds(), scale.wall(o.interval())))
                        .toList());
    }
}
