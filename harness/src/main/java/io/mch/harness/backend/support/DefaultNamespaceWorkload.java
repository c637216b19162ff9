package io.mch.harness.backend.support;

import io.mch.harness.config.Scenario;
import io.mch.harness.input.Cursor;
import io.mch.harness.input.Problem;
import io.mch.harness.input.Problems;
import io.mch.harness.input.YamlLimits;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Refuses, before anything starts, a workload Service outside namespace {@code default} on a backend
 * whose ingress reaches only that namespace (k3s's NodePort twin, kubeconfig's service proxy). The
 * embedded backend serves any namespace; on these two the run would otherwise wait two minutes for a
 * Service it never looks for and fail with exit 3. Refused at the manifest's
 * {@code metadata.namespace}; the manifests were validated already, so only positions are read.
 */
public final class DefaultNamespaceWorkload {

    private static final String DEFAULT = "default";

    private DefaultNamespaceWorkload() {}

    /** The refusal for {@code backend} when the workload's Service is in another namespace; empty otherwise. */
    public static List<Problem> refusals(Scenario scenario, String backend) {
        String service = scenario.topology().workload().service();
        List<Problem> refused = new ArrayList<>();
        for (Path manifest : scenario.topology().workload().manifests()) {
            Problems problems = new Problems(manifest);
            for (Node document : documents(manifest)) {
                namespaceOf(new Cursor(document, "", problems), service)
                        .filter(namespace -> namespace.text().filter(DEFAULT::equals).isEmpty())
                        .ifPresent(namespace -> namespace.problem("the " + backend + " backend reaches the workload's "
                                + "Service only in namespace 'default' (mch does not model another namespace there); "
                                + "move it to 'default' or run it on the embedded backend"));
            }
            refused.addAll(problems.all());
        }
        return refused;
    }

    /** The {@code metadata.namespace} of the Service named {@code service}, when this document is it and names one. */
    private static Optional<Cursor> namespaceOf(Cursor document, String service) {
        Optional<Map<String, Cursor>> fields = mapping(document);
        boolean isService = fields.map(f -> f.get("kind")).flatMap(Cursor::text).filter("Service"::equals).isPresent();
        Optional<Map<String, Cursor>> metadata = fields.map(f -> f.get("metadata")).flatMap(DefaultNamespaceWorkload::mapping);
        boolean named = metadata.map(m -> m.get("name")).flatMap(Cursor::text).filter(service::equals).isPresent();
        return isService && named ? metadata.map(m -> m.get("namespace")) : Optional.empty();
    }

    private static Optional<Map<String, Cursor>> mapping(Cursor cursor) {
        return cursor != null && cursor.node() instanceof MappingNode ? cursor.entries() : Optional.empty();
    }

    private static List<Node> documents(Path manifest) {
        List<Node> documents = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(manifest)) {
            new Yaml(YamlLimits.options()).composeAll(in).forEach(documents::add);
        } catch (IOException | YAMLException e) {
            // validated before the run: a file that no longer reads is the run's to report
        }
        return documents;
    }
}
