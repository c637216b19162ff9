package io.mch.harness.fabric.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import io.mch.harness.config.FleetBundleReader;
import io.mch.harness.config.Kustomize;
import io.mch.harness.config.SyncSpec;
import io.mch.harness.input.YamlLimits;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders what a source's paths hold, as the controller does. Argo CD: a {@code Chart.yaml} is
 * rendered by Helm's own engine (helm-java) with {@code source.helm}, a kustomization by a real
 * kustomize, anything else as a directory of {@code .yaml}/{@code .yml}/{@code .json} files, its
 * subdirectories only with {@code directory.recurse}, filtered by {@code include}/{@code exclude}.
 * Fleet: each bundle (the path and every directory below it with a {@code fleet.yaml}) by kustomize
 * when its {@code kustomize.dir} holds a kustomization, else every {@code .yaml}/{@code .yml} file
 * below it, with {@code defaultNamespace} and {@code namespace} from its fleet.yaml. What cannot be
 * rendered throws {@link IllegalArgumentException} naming the file: the pair's sync fails with it.
 */
final class Renderer {

    /** One rendered object, where it came from, and the namespace rule it falls under. */
    record Rendered(ObjectNode tree, Path file, String namespace, boolean force) {}

    private static final long KUSTOMIZE_TIMEOUT_S = 60;

    private Renderer() {}

    /** What the source renders to for {@code cluster} (a Helm release name may hold the cluster's name). */
    static List<Rendered> render(Source source, String cluster, List<Path> files) {
        return switch (source.mode()) {
            case FILES -> plain(files, source.namespace(), source.forceNamespace());
            case ARGO -> argo(source, cluster, files);
            case FLEET -> source.paths().stream().flatMap(p -> FleetBundleReader.roots(p).stream()
                    .flatMap(root -> bundle(source, root).stream())).toList();
        };
    }

    /** The files a FILES or ARGO source's directories contribute, as the controller lists them. */
    static List<Path> listed(Source source) {
        List<Path> files = new ArrayList<>();
        for (Path path : source.paths()) {
            if (!Files.isDirectory(path)) {
                if (Files.isRegularFile(path)) {
                    files.add(path);
                }
                continue;
            }
            boolean argo = source.mode() == Source.Mode.ARGO;
            Optional<PathMatcher> include = source.rendering().include().map(Renderer::glob);
            Optional<PathMatcher> exclude = source.rendering().exclude().map(Renderer::glob);
            try (Stream<Path> walk = source.rendering().recurse() ? Files.walk(path) : Files.list(path)) {
                walk.filter(Files::isRegularFile)
                        .filter(f -> isManifest(f, argo))
                        .filter(f -> include.map(m -> matches(m, path, f)).orElse(true))
                        .filter(f -> exclude.map(m -> !matches(m, path, f)).orElse(true))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + path, e);
            }
        }
        return files;
    }

    private static List<Rendered> argo(Source source, String cluster, List<Path> files) {
        Path path = source.paths().get(0);
        if (Files.isRegularFile(path.resolve("Chart.yaml"))) {
            return tagged(helm(path, source.rendering().helm().orElseThrow(), cluster, source.namespace()),
                    path.resolve("Chart.yaml"), source.namespace(), false);
        }
        if (Kustomize.in(path)) {
            return tagged(kustomize(path), path, source.namespace(), false);
        }
        return plain(files, source.namespace(), false);
    }

    private static List<Rendered> bundle(Source source, Path root) {
        Map<?, ?> options = fleetYaml(root);
        Path dir = Optional.ofNullable(options.get("kustomize")).filter(Map.class::isInstance)
                .map(k -> ((Map<?, ?>) k).get("dir")).map(d -> root.resolve(d.toString()).normalize()).orElse(root);
        Object forced = options.get("namespace");
        Object fallback = options.get("defaultNamespace");
        boolean force = source.forceNamespace() || forced != null;
        String namespace = source.forceNamespace() ? source.namespace()
                : forced != null ? forced.toString() : fallback != null ? fallback.toString() : source.namespace();
        Optional<Map.Entry<Path, SyncSpec.Helm>> chart = FleetBundleReader.helm(root, options);
        if (chart.isPresent()) {
            Path at = chart.get().getKey();
            return tagged(helm(at, chart.get().getValue(), "", namespace), at.resolve("Chart.yaml"), namespace, force);
        }
        if (Kustomize.in(dir)) {
            return tagged(kustomize(dir), dir, namespace, force);
        }
        List<Path> nested = FleetBundleReader.roots(root).stream().filter(r -> !r.equals(root)).toList();
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(f -> isManifest(f, false) && !f.getFileName().toString().equals(FleetBundleReader.FLEET_YAML))
                    .filter(f -> nested.stream().noneMatch(f::startsWith))
                    .sorted().toList();
            return plain(files, namespace, force);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private static Map<?, ?> fleetYaml(Path root) {
        Path file = root.resolve(FleetBundleReader.FLEET_YAML);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        List<ObjectNode> docs = read(file);
        return docs.isEmpty() ? Map.of() : Manifest.SERIALIZATION.convertValue(docs.get(0), Map.class);
    }

    private static List<Rendered> plain(List<Path> files, String namespace, boolean force) {
        List<Rendered> rendered = new ArrayList<>();
        for (Path file : files) {
            read(file).forEach(tree -> rendered.add(new Rendered(tree, file, namespace, force)));
        }
        return rendered;
    }

    private static List<Rendered> tagged(String yaml, Path from, String namespace, boolean force) {
        return parse(new StringReader(yaml), from).stream().map(t -> new Rendered(t, from, namespace, force)).toList();
    }

    /** {@code kustomize build} of {@code dir} with the kustomize this machine has. */
    private static String kustomize(Path dir) {
        List<String> command = new ArrayList<>(Kustomize.command().orElseThrow(() ->
                new IllegalArgumentException("kustomization in " + dir + ": no kustomize is installed")));
        command.add(dir.toString());
        try {
            Path errors = Files.createTempFile("mch-kustomize", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
                process.getOutputStream().close();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(KUSTOMIZE_TIMEOUT_S, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IllegalArgumentException("kustomize build " + dir + " failed: " + Files.readString(errors).strip());
                }
                return new String(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0) + " on " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + dir, e);
        }
    }

    /** {@code helm template} by Helm's engine: value files, then inline values, then parameters. */
    private static String helm(Path chart, SyncSpec.Helm helm, String cluster, String namespace) {
        Path inline = null;
        try {
            var template = new Helm(chart).template()
                    .withName(helm.releaseName().replace(SyncSpec.CLUSTER_NAME, cluster))
                    .withNamespace(namespace);
            for (String file : helm.valueFiles()) {
                template = template.withValuesFile(chart.resolve(file).normalize());
            }
            if (helm.values().isPresent()) {
                inline = Files.createTempFile("mch-helm-values", ".yaml");
                Files.writeString(inline, helm.values().get());
                template = template.withValuesFile(inline);
            }
            for (Map.Entry<String, String> parameter : helm.parameters().entrySet()) {
                template = template.set(parameter.getKey(), parameter.getValue());
            }
            return template.call();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the inline values of " + chart, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("helm template " + chart + " failed: " + e.getMessage(), e);
        } finally {
            if (inline != null) {
                inline.toFile().delete(); // best effort: a temporary file of our own
            }
        }
    }

    static List<ObjectNode> read(Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            return parse(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + file, e);
        }
    }

    private static List<ObjectNode> parse(Reader in, Path from) {
        List<ObjectNode> trees = new ArrayList<>();
        try {
            for (Object doc : new Yaml(new SafeConstructor(YamlLimits.options())).loadAll(in)) {
                if (doc == null) {
                    continue;
                }
                if (!(doc instanceof Map<?, ?>)) {
                    throw new IllegalArgumentException("manifest " + from + ": a document is not a mapping");
                }
                trees.add((ObjectNode) Manifest.SERIALIZATION.convertValue(doc, JsonNode.class));
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot parse manifest " + from + ": " + e.getMessage(), e);
        }
        return trees;
    }

    /** Argo CD reads .yaml, .yml and .json; Fleet's raw bundles .yaml and .yml. */
    private static boolean isManifest(Path file, boolean json) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml") || (json && name.endsWith(".json"));
    }

    /**
     * Argo CD's glob (gobwas/glob without separators): {@code *} matches any characters, a
     * {@code /} included, so Java's {@code **} stands for it; {@code ?}, {@code [..]} and
     * {@code {a,b}} mean the same in both.
     */
    private static PathMatcher glob(String pattern) {
        return FileSystems.getDefault().getPathMatcher("glob:" + pattern.replaceAll("\\*+", "**"));
    }

    /** Argo CD matches the glob against the file's path relative to the source path. */
    private static boolean matches(PathMatcher matcher, Path base, Path file) {
        return matcher.matches(base.relativize(file));
    }
}
