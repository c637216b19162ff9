package io.mch.harness.fabric.replication;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mch.harness.runtime.Threads;
import io.mch.harness.traffic.HttpServers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The backup location as object storage (Velero's S3 bucket): an HTTP endpoint in front of a
 * directory, which controllers reach through the network like any other remote service, so a
 * partition that cuts a cluster off from the storage's region makes its backups fail as they
 * would. {@code PUT /<backup>} stores an archive as {@code <backup>/<object>.yaml} files (all or
 * nothing: a backup that did not arrive whole never appears), {@code GET /<backup>} returns it.
 */
final class BackupStore implements AutoCloseable {

    private static final Pattern NAME = Pattern.compile("backup-[0-9]+(-[0-9]+)?");

    private final Path root;
    private final HttpServer server;
    private final ExecutorService threads;

    private BackupStore(Path root, HttpServer server, ExecutorService threads) {
        this.root = root;
        this.server = server;
        this.threads = threads;
    }

    /** Serves {@code root} (created if missing) on a loopback port. */
    static BackupStore open(Path root) throws IOException {
        Files.createDirectories(root);
        HttpServer server = HttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ExecutorService threads = Executors.newFixedThreadPool(2, Threads.named("replication-store"));
        var store = new BackupStore(root, server, threads);
        server.createContext("/", store::handle);
        server.setExecutor(threads);
        server.start();
        return store;
    }

    /** Where the storage listens (controllers reach it through their network link). */
    InetSocketAddress address() {
        return server.getAddress();
    }

    /** The directory holding the backup called {@code name}. */
    Path directory(String name) {
        return root.resolve(requireName(name));
    }

    /** Deletes a backup (the storage's retention, Velero's TTL); the storage does it, not a client. */
    void delete(String name) {
        deleteTree(directory(name));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring(1);
            if (!NAME.matcher(name).matches()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "PUT" -> {
                    store(name, BackupArchive.unzip(exchange.getRequestBody()));
                    exchange.sendResponseHeaders(201, -1);
                }
                case "GET" -> {
                    Path dir = directory(name);
                    if (!Files.isDirectory(dir)) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    byte[] body = BackupArchive.zip(read(dir));
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
                default -> exchange.sendResponseHeaders(405, -1);
            }
        } catch (IOException | RuntimeException e) {
            // The client sees its request fail; the storage keeps serving.
        }
    }

    /** Writes into a hidden directory, then renames it into place, replacing an older one of the name. */
    private synchronized void store(String name, Map<String, String> files) throws IOException {
        Path partial = Files.createTempDirectory(root, "." + name + "-partial-");
        try {
            for (var file : files.entrySet()) {
                Files.writeString(partial.resolve(file.getKey()), file.getValue());
            }
            Path target = directory(name);
            deleteTree(target);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(partial);
        }
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }

    private static String requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a backup name: " + name);
        }
        return name;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
