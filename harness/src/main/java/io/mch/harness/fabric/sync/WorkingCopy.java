package io.mch.harness.fabric.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.mch.harness.config.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The run's own copy of the repository. Scenario commits change this copy, never the user's files,
 * and what it holds when the run ends is the desired state the run finished with. Reads and commits
 * are serialized, so the controller never sees half a commit.
 */
final class WorkingCopy {

    /** Marks what the controller applied for an application, as Argo CD's tracking label does. */
    static final String APPLICATION_LABEL = "mch.io/application";
    static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    static final String MANAGED_BY = "mch";

    private final Path root;
    /** Files committed outside an application's paths (its first path is a file), by application. */
    private final Map<String, Set<Path>> added = new HashMap<>();
    private int revision = 1;
    /** The last render of each (source, cluster), with the revision it was made at. */
    private final Map<String, Rendered> rendered = new HashMap<>();

    private record Rendered(int revision, List<Manifest> manifests) {}

    private WorkingCopy(Path root) {
        this.root = root;
    }

    /**
     * Copies {@code repository} to {@code target}, which must not exist yet: the run's copy goes into
     * the run's own directory, and a folder already there is someone's, never replaced.
     */
    static WorkingCopy of(Path repository, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root.getParent());
        Files.createDirectory(root);
        Path from = repository.toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path copy = root.resolve(from.relativize(p).toString());
                if (p.equals(from)) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(p, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return new WorkingCopy(root);
    }

    Path root() {
        return root;
    }

    /** Starts at 1 and counts commits. */
    synchronized int revision() {
        return revision;
    }

    /**
     * Every object the source renders to for {@code cluster} now, with its namespace placed as the
     * controller places it and the tracking labels added; a later object with the same key replaces
     * an earlier one. Kept per revision, so a kustomize or Helm render runs once per commit.
     *
     * @throws IllegalArgumentException naming the file when the source cannot be rendered
     */
    synchronized List<Manifest> manifests(Source source, String cluster) {
        String key = source.name() + "@" + cluster;
        Rendered cached = rendered.get(key);
        if (cached != null && cached.revision() == revision) {
            return cached.manifests();
        }
        List<Path> files = new ArrayList<>(Renderer.listed(source));
        added.getOrDefault(source.name(), Set.of()).stream().filter(Files::isRegularFile)
                .filter(f -> !files.contains(f)).forEach(files::add);
        Map<String, Manifest> byKey = new LinkedHashMap<>();
        for (Renderer.Rendered object : Renderer.render(source, cluster, files)) {
            Manifest manifest = Manifest.of(place(object, source));
            byKey.put(manifest.key(), manifest);
        }
        List<Manifest> manifests = List.copyOf(byKey.values());
        rendered.put(key, new Rendered(revision, manifests));
        return manifests;
    }

    /** Applies a commit to the source's files; returns what it did, for the event log. */
    synchronized String commit(Source source, Step.CommitOp op, String file, Optional<Map<String, Object>> manifest) {
        Path base = source.commitDirectory();
        Path target = base.resolve(file).normalize();
        if (!target.startsWith(base) || !target.startsWith(root)) {
            throw new IllegalArgumentException("commit to " + source.name() + ": file " + file + " leaves " + base);
        }
        try {
            if (op == Step.CommitOp.DELETE) {
                if (!Files.deleteIfExists(target)) {
                    throw new IllegalArgumentException("commit to " + source.name() + ": no file " + file + " to delete");
                }
            } else {
                Map<String, Object> content = manifest.orElseThrow(() -> new IllegalArgumentException(
                        "commit to " + source.name() + ": " + op.name().toLowerCase() + " of " + file + " needs a manifest"));
                Files.createDirectories(target.getParent());
                Files.writeString(target, yaml().dump(content));
                if (!covered(source, target)) {
                    added.computeIfAbsent(source.name(), n -> new LinkedHashSet<>()).add(target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("commit to " + source.name() + ": cannot write " + target, e);
        }
        revision++;
        rendered.clear();
        return "revision " + revision + ": " + op.name().toLowerCase() + " " + root.relativize(target)
                + " (application " + source.name() + ")";
    }

    private static boolean covered(Source source, Path file) {
        return source.paths().stream().anyMatch(p -> p.equals(file) || (Files.isDirectory(p) && file.startsWith(p)));
    }

    /**
     * Namespaced objects without a namespace go to the rendered namespace; with {@code force}
     * (Fleet's targetNamespace or fleet.yaml namespace) every namespaced object goes there and a
     * cluster-scoped one fails, as Fleet fails it. Every object gets the tracking labels.
     */
    private static ObjectNode place(Renderer.Rendered rendered, Source source) {
        ObjectNode tree = rendered.tree();
        ObjectNode metadata = tree.withObjectProperty("metadata");
        HasMetadata object = Manifest.toObject(tree);
        boolean namespaced = object instanceof Namespaced || object instanceof GenericKubernetesResource;
        if (rendered.force() && !namespaced) {
            throw new IllegalArgumentException("invalid cluster scoped object " + object.getKind() + "/"
                    + object.getMetadata().getName() + " in " + rendered.file() + ": the bundle's namespace is enforced"
                    + " (targetNamespace or fleet.yaml namespace)");
        }
        if (namespaced && (rendered.force() || !metadata.hasNonNull("namespace"))) {
            metadata.put("namespace", rendered.namespace());
        }
        ObjectNode labels = metadata.withObjectProperty("labels");
        labels.put(APPLICATION_LABEL, source.name());
        labels.put(MANAGED_BY_LABEL, MANAGED_BY);
        return tree;
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        return new Yaml(options);
    }
}
