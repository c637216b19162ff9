package io.mch.harness.config;

import io.mch.harness.input.Cursor;
import io.mch.harness.input.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Refuses a k8gb {@code Gslb} or ExternalDNS {@code DNSEndpoint} that GitOps would deliver: mch's
 * global load balancer is configured before the run from the topology's workload manifests only
 * ({@link BalancerResources}), so one in a synced path would be applied to the clusters yet route
 * no client, which is silently wrong. Every file an application path can render from is searched:
 * the directory and everything below it, and the local directories and files a kustomization
 * there names ({@code resources}, {@code bases}, {@code components}), inside the repository. A file
 * that is not YAML (a Helm template) is searched line by line for a top-level {@code kind:}. A
 * scenario's {@code commit} of one is refused too.
 */
final class DeliveredBalancerResources {

    static final Set<String> KINDS = Set.of("Gslb", "DNSEndpoint");
    private static final List<String> KUSTOMIZE_REFERENCES = List.of("resources", "bases", "components");
    private static final Pattern TOP_LEVEL_KIND = Pattern.compile("^kind:\\s*[\"']?(Gslb|DNSEndpoint)[\"']?\\s*(#.*)?$");

    private DeliveredBalancerResources() {}

    /** Records one problem, at the resource's {@code kind}, for each Gslb or DNSEndpoint {@code path} renders from. */
    static void refuse(Path path, Path repository, Problems problems) {
        Set<Path> seen = new HashSet<>();
        Deque<Path> pending = new ArrayDeque<>(List.of(path));
        while (!pending.isEmpty()) {
            Path next = pending.pop();
            for (Path file : files(next)) {
                if (seen.add(file)) {
                    search(file, repository, problems, pending);
                }
            }
        }
    }

    /** Whether a scenario's {@code commit} manifest is no Gslb or DNSEndpoint; a problem at its kind if it is one. */
    static boolean committable(Cursor manifest) {
        Optional<Cursor> kind = manifest.entries().flatMap(e -> Optional.ofNullable(e.get("kind")));
        Optional<String> refused = kind.flatMap(Cursor::text).filter(KINDS::contains);
        refused.ifPresent(k -> kind.orElseThrow().problem(message(k)));
        return refused.isEmpty();
    }

    private static List<Path> files(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).filter(DeliveredBalancerResources::manifest).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
    }

    private static boolean manifest(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json") || name.endsWith(".tpl")
                || Kustomize.FILES.contains(name);
    }

    private static void search(Path file, Path repository, Problems problems, Deque<Path> pending) {
        Problems scratch = new Problems(file);
        Optional<List<Node>> documents = YamlFiles.readAll(file, scratch);
        if (documents.isEmpty()) {
            searchText(file, problems.about(file));
            return;
        }
        Problems inFile = problems.about(file);
        boolean kustomization = Kustomize.FILES.contains(file.getFileName().toString());
        for (Node document : documents.get()) {
            Cursor root = new Cursor(document, "", inFile);
            Optional<ManifestMapping> mapping = ManifestMapping.of(new Cursor(document, "", scratch));
            mapping.flatMap(m -> m.get("kind")).flatMap(Cursor::text).filter(KINDS::contains).ifPresent(kind ->
                    root.entries().flatMap(e -> Optional.ofNullable(e.get("kind"))).ifPresent(at -> at.problem(message(kind))));
            if (kustomization) {
                mapping.ifPresent(m -> references(m, file.getParent(), repository, pending));
            }
        }
    }

    private static void references(ManifestMapping kustomization, Path dir, Path repository, Deque<Path> pending) {
        for (String key : KUSTOMIZE_REFERENCES) {
            kustomization.get(key).flatMap(Cursor::items).ifPresent(items -> items.forEach(item -> item.text()
                    .map(text -> dir.resolve(text).normalize())
                    .filter(p -> p.startsWith(repository) && Files.exists(p))
                    .ifPresent(pending::push)));
        }
    }

    private static void searchText(Path file, Problems inFile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = TOP_LEVEL_KIND.matcher(lines.get(i));
            if (m.matches()) {
                inFile.inFile(i + 1, m.start(1) + 1, "kind: " + message(m.group(1)));
            }
        }
    }

    static String message(String kind) {
        return "a " + kind + " delivered by GitOps would be applied but not read: mch's global load balancer reads "
                + "a Gslb or DNSEndpoint only among the topology's workload manifests (workload.manifests); move it there";
    }
}
