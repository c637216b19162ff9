package io.mch.harness.config;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a real kustomize is on this machine: the {@code kustomize} binary ({@code kustomize build})
 * or kubectl's built-in one ({@code kubectl kustomize}, Debian's {@code kubernetes-client}). A path
 * holding a {@code kustomization.yaml} is rendered by it, as Argo CD and Fleet do, or refused before
 * the run when neither is found: mch never reads a kustomization as plain manifests.
 */
public final class Kustomize {

    /** The file names kustomize recognises in a directory, in its order of preference. */
    public static final List<String> FILES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    static final String INSTALL = "install kubectl (Debian: apt-get install kubernetes-client) or the kustomize binary";

    private Kustomize() {}

    /** The command that builds a directory given as its last argument, if a kustomize is installed. */
    public static Optional<List<String>> command() {
        return onPath("kustomize").map(k -> List.of(k.toString(), "build"))
                .or(() -> onPath("kubectl").map(k -> List.of(k.toString(), "kustomize")));
    }

    /** Whether {@code directory} holds a kustomization. */
    public static boolean in(Path directory) {
        return FILES.stream().anyMatch(f -> Files.isRegularFile(directory.resolve(f)));
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
