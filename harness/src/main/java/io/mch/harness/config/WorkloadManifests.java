package io.mch.harness.config;

import io.mch.harness.input.Cursor;
import io.mch.harness.input.Names;
import io.mch.harness.input.Problems;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workload's manifests read as the run will apply them, so that what the run would choke on
 * is refused before anything starts: every document must be a Kubernetes object (apiVersion,
 * kind, metadata.name), and one must be the Service the probes call. Each file is checked even
 * when another has problems.
 */
final class WorkloadManifests {

    private WorkloadManifests() {}

    /** Records the manifests' problems, and one at {@code serviceAt} if no manifest defines the Service. */
    static void check(List<Path> manifests, Cursor serviceAt, String service, Problems problems) {
        Set<String> services = new LinkedHashSet<>();
        boolean complete = true;
        for (Path manifest : manifests) {
            Problems inFile = problems.about(manifest);
            int before = inFile.count();
            YamlFiles.readAll(manifest, inFile).ifPresent(documents -> documents.forEach(document ->
                    ManifestMapping.object(new Cursor(document, "", inFile))
                            .filter(object -> "Service".equals(object.get("kind")))
                            .ifPresent(object -> services.add(String.valueOf(((Map<?, ?>) object.get("metadata")).get("name"))))));
            complete &= inFile.count() == before;
        }
        if (complete && !services.contains(service)) {
            serviceAt.problem("no manifest defines a Service named '" + service + "'; "
                    + (services.isEmpty() ? "the manifests define no Service" : "Services are " + String.join(", ", services))
                    + Names.hint(service, services));
        }
    }
}
