package io.mch.harness.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Writes small input files for the tests, and finds the checkout's own fixtures and scenarios. */
final class TestFiles {

    private TestFiles() {}

    static Path write(Path dir, String relative, String content) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test resource directory of this package ({@code fabric}) as a path. */
    static Path resources(String name) {
        try {
            return Path.of(TestFiles.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of a test resource directory of this package in {@code dir}, for tests that add or break files. */
    static Path copyResources(String name, Path dir) {
        Path source = resources(name);
        try (Stream<Path> files = Files.walk(source)) {
            files.filter(Files::isRegularFile).forEach(f -> write(dir, source.relativize(f).toString(), read(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkout root: this class is in harness/target/test-classes, whatever the current directory. */
    static Path checkout() {
        try {
            Path classes = Path.of(TestFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A copy of a checkout file at the same relative place under {@code dir}: the fixture's workload
     * manifest is written by another part of the project, so tests supply their own beside the copy.
     */
    static Path copyFromCheckout(Path dir, String relative) {
        try {
            return write(dir, relative, Files.readString(checkout().resolve(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fixtures folder {@code dir/topology-fixtures} holding the {@link #TWO_CLUSTERS} topology as
     * {@code two} and its workload manifest.
     */
    static Fixtures twoClusterFixtures(Path dir) {
        write(dir, "topology-fixtures/two.yaml", TWO_CLUSTERS);
        write(dir, "topology-fixtures/app.yaml", API_SERVER_MANIFEST);
        return Fixtures.in(dir.resolve("topology-fixtures"));
    }

    static final String API_SERVER_MANIFEST = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: api-server, namespace: default }
            spec: { replicas: 3 }
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: api-server, namespace: default }
            """;

    /** Two clusters in two regions, and a manifest; lines are referred to by the tests. */
    static final String TWO_CLUSTERS = """
            name: two
            clusters:
              - { name: us-east, region: us-east-1, role: active }
              - { name: eu-west, region: eu-west-1, role: passive, nodes: 2 }
            workload:
              manifests: [app.yaml]
              service: api-server
            """;
}
