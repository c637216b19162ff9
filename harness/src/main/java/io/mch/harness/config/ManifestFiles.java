package io.mch.harness.config;

import io.mch.harness.input.Cursor;
import io.mch.harness.input.Names;
import io.mch.harness.input.Problems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Manifest files (the workload's, a sync policy's) read as the run will apply them, so that what
 * the run would choke on is refused before anything starts: every document must be a Kubernetes
 * object (apiVersion, kind, metadata.name) whose Cilium annotations mch can honour
 * ({@link CiliumAnnotations}), and the workload's must define the Service the probes call. Each file is checked even when another has problems.
 */
final class ManifestFiles {

    private ManifestFiles() {}

    /** The objects of {@code manifest}; empty, with its problems recorded in it, when any is not an object. */
    static Optional<List<Map<String, Object>>> objects(Path manifest, Problems problems) {
        Problems inFile = problems.about(manifest);
        int before = inFile.count();
        List<Map<String, Object>> objects = new ArrayList<>();
        YamlFiles.readAll(manifest, inFile).ifPresent(documents -> documents.forEach(document -> {
            ManifestMapping.object(new Cursor(document, "", inFile)).ifPresent(objects::add);
            CiliumAnnotations.check(document, inFile);
        }));
        return inFile.count() == before ? Optional.of(objects) : Optional.empty();
    }

    /** Records the manifests' problems, and one at {@code serviceAt} if they define no such Service. */
    static void checkWorkload(List<Path> manifests, Cursor serviceAt, String service, Problems problems) {
        Set<String> services = new LinkedHashSet<>();
        boolean complete = true;
        for (Path manifest : manifests) {
            Optional<List<Map<String, Object>>> objects = objects(manifest, problems);
            objects.ifPresent(list -> list.stream().filter(object -> "Service".equals(object.get("kind")))
                    .forEach(object -> services.add(String.valueOf(((Map<?, ?>) object.get("metadata")).get("name")))));
            complete &= objects.isPresent();
        }
        if (complete && !services.contains(service)) {
            serviceAt.problem("no manifest defines a Service named '" + service + "'; "
                    + (services.isEmpty() ? "the manifests define no Service" : "Services are " + String.join(", ", services))
                    + Names.hint(service, services));
        }
    }
}
