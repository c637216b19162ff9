package io.mch.harness.fabric.sync;

import io.mch.harness.input.YamlLimits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.mch.harness.config.Step;
import java.io.IOException;
import java.io.Reader;
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
import org.yaml.snakeyaml.constructor.SafeConstructor;

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
     * Every object the source's files describe now, with its namespace filled in and the tracking
     * labels added; a later file's object replaces an earlier one with the same key.
     */
    synchronized List<Manifest> manifests(Source source) {
        Map<String, Manifest> byKey = new LinkedHashMap<>();
        for (Path file : files(source)) {
            for (ObjectNode tree : read(file)) {
                Manifest manifest = Manifest.of(place(tree, source));
                byKey.put(manifest.key(), manifest);
            }
        }
        return List.copyOf(byKey.values());
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
        return "revision " + revision + ": " + op.name().toLowerCase() + " " + root.relativize(target)
                + " (application " + source.name() + ")";
    }

    private List<Path> files(Source source) {
        Set<Path> files = new LinkedHashSet<>();
        for (Path path : source.paths()) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(WorkingCopy::isYaml).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + path, e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            }
        }
        added.getOrDefault(source.name(), Set.of()).stream().filter(Files::isRegularFile).forEach(files::add);
        return new ArrayList<>(files);
    }

    private static boolean covered(Source source, Path file) {
        return source.paths().stream().anyMatch(p -> p.equals(file) || (Files.isDirectory(p) && file.startsWith(p)));
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static List<ObjectNode> read(Path file) {
        List<ObjectNode> trees = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file)) {
            for (Object doc : new Yaml(new SafeConstructor(YamlLimits.options())).loadAll(in)) {
                if (doc == null) {
                    continue;
                }
                if (!(doc instanceof Map<?, ?>)) {
                    throw new IllegalArgumentException("manifest " + file + ": a document is not a mapping");
                }
                trees.add((ObjectNode) Manifest.SERIALIZATION.convertValue(doc, JsonNode.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot parse manifest " + file + ": " + e.getMessage(), e);
        }
        return trees;
    }

    /** Namespaced objects without a namespace go to the source's; every object gets the tracking labels. */
    private static ObjectNode place(ObjectNode tree, Source source) {
        ObjectNode metadata = tree.withObjectProperty("metadata");
        HasMetadata object = Manifest.toObject(tree);
        boolean namespaced = object instanceof Namespaced || object instanceof GenericKubernetesResource;
        if (namespaced && !metadata.hasNonNull("namespace")) {
            metadata.put("namespace", source.namespace());
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
