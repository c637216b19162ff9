package io.mch.harness.fabric.replication;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.mch.harness.config.ReplicationSpec;
import io.mch.harness.workload.AnyKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One Velero restore of a backup into a cluster: the objects the Restore's filters select (a CRD
 * goes along unless excluded by name), CRDs first, each into its namespace (created when
 * missing). An object that already exists is left as it is, as Velero's default
 * {@code existingResourcePolicy} leaves it, or replaced with {@code update}.
 *
 * @param written objects created or replaced
 * @param skipped objects left as they were because they existed
 */
record Restoring(int written, int skipped) {

    private static final String CRDS = "customresourcedefinitions";
    private static final String CRD_GROUP = "apiextensions.k8s.io";

    static Restoring into(KubernetesClient target, ReplicationSpec.Restore restore, List<HasMetadata> backup) {
        int written = 0;
        int skipped = 0;
        Set<String> namespaces = new HashSet<>();
        for (HasMetadata object : Manifests.inRestoreOrder(backup)) {
            if (!selected(target, restore, object)) {
                continue;
            }
            String namespace = object.getMetadata().getNamespace();
            if (namespace != null && namespaces.add(namespace) && target.namespaces().withName(namespace).get() == null) {
                target.namespaces().resource(new NamespaceBuilder()
                        .withNewMetadata().withName(namespace).endMetadata().build()).create();
            }
            HasMetadata live = AnyKind.of(target, object).get();
            if (live != null && !restore.updateExisting()) {
                skipped++;
                continue;
            }
            Manifests.write(target, object, live);
            written++;
        }
        return new Restoring(written, skipped);
    }

    /** ", 2 existing left as they were", or nothing. */
    String skippedNote() {
        return skipped == 0 ? "" : ", " + skipped + " existing left as they were";
    }

    private static boolean selected(KubernetesClient target, ReplicationSpec.Restore restore, HasMetadata object) {
        if (object instanceof CustomResourceDefinition) {
            return restore.selection().excludedResources().stream()
                    .noneMatch(r -> r.equals(CRDS) || r.equals(CRDS + "." + CRD_GROUP));
        }
        ResourceDefinitionContext kind = AnyKind.definition(target, object);
        String namespace = object.getMetadata().getNamespace();
        return restore.selection().selectsResource(kind.getPlural(), kind.getGroup() == null ? "" : kind.getGroup())
                && (namespace == null || restore.selection().selectsNamespace(namespace))
                && restore.selection().selectsLabels(object.getMetadata().getLabels());
    }
}
