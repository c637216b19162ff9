package io.mch.harness.fabric.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class BackupArchiveTest {

    @Test
    void manifestsSurviveTheRoundTrip() throws IOException {
        var files = Map.of("configmap-a.yaml", "kind: ConfigMap\n", "secret-b.yaml", "kind: Secret\nü: 1\n");
        assertThat(BackupArchive.unzip(new ByteArrayInputStream(BackupArchive.zip(files)))).isEqualTo(files);
    }

    @Test
    void anEntryThatCouldLeaveTheBackupDirectoryIsRefused() throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("../escape.yaml"));
            zip.write("x".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> BackupArchive.unzip(new ByteArrayInputStream(bytes.toByteArray())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("../escape.yaml");
    }
}
