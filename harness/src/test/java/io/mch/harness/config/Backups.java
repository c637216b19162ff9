package io.mch.harness.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Backups as mch's own keys give them: one namespace, a constant period, Velero's defaults otherwise. */
public final class Backups {

    private Backups() {}

    public static ReplicationSpec.Backup every(String from, String namespace, Duration every, Optional<Path> location,
            String restoreTo, Optional<Path> file) {
        return new ReplicationSpec.Backup(from, BackupCadence.every(every), ResourceSelection.onlyNamespace(namespace),
                VeleroSchedule.DEFAULT_TTL, location, restoreTo, VeleroRestore.defaults(), file);
    }
}
