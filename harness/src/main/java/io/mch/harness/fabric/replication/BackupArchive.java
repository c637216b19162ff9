package io.mch.harness.fabric.replication;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A backup in transit: one archive of one manifest per object, uploaded and downloaded in one
 * request each, as Velero moves one tarball per backup, so a backup costs one round trip to the
 * storage however many objects it holds.
 */
final class BackupArchive {

    /** File names inside a backup: flat, no path, nothing that could escape its directory. */
    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.yaml");

    private BackupArchive() {}

    static byte[] zip(Map<String, String> files) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var file : new TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(requireFileName(file.getKey())));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The files of an archive; rejects entries that are not plain manifest names. */
    static Map<String, String> unzip(InputStream in) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (var zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(requireFileName(entry.getName()), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        return files;
    }

    static String requireFileName(String name) {
        if (!FILE.matcher(name).matches()) {
            throw new IllegalArgumentException("not a backup file name: " + name);
        }
        return name;
    }
}
