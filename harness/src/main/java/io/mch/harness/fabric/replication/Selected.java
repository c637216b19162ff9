package io.mch.harness.fabric.replication;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.mch.harness.config.ResourceSelection;
import io.mch.harness.config.VeleroResources;
import io.mch.harness.workload.AnyKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one Velero backup of a cluster holds: every object of the carried kinds
 * ({@link VeleroResources}: the built-in ones, each kind a CRD of the cluster defines, each
 * custom kind of the workload) that the backup's filters select, in any namespace they select,
 * except what belongs to the cluster itself ({@link Manifests#clusterOwned}) and what is labelled
 * {@code velero.io/exclude-from-backup=true}. The CRD of each custom kind backed up goes along,
 * as Velero backs up the CRDs of the custom resources it backs up.
 */
final class Selected {

    private Selected() {}

    static List<HasMetadata> backedUp(
            KubernetesClient source, ResourceSelection selection, List<ResourceDefinitionContext> workloadKinds) {
        List<HasMetadata> objects = new ArrayList<>();
        for (var kind : VeleroResources.BUILT_IN) {
            if (selection.selectsResource(VeleroResources.plural(kind), VeleroResources.group(kind))) {
                source.resources(kind).inAnyNamespace().list().getItems().stream()
                        .filter(o -> selected(o, selection))
                        .forEach(objects::add);
            }
        }
        Map<String, CustomResourceDefinition> crds = new LinkedHashMap<>();
        source.apiextensions().v1().customResourceDefinitions().list().getItems()
                .forEach(crd -> crds.put(crd.getSpec().getGroup() + "/" + crd.getSpec().getNames().getKind(), crd));
        for (ResourceDefinitionContext kind : customKinds(source, workloadKinds)) {
            if (!selection.selectsResource(kind.getPlural(), kind.getGroup())) {
                continue;
            }
            List<GenericKubernetesResource> found = source.genericKubernetesResources(kind).inAnyNamespace().list()
                    .getItems().stream().filter(o -> selected(o, selection)).toList();
            objects.addAll(found);
            CustomResourceDefinition crd = crds.get(kind.getGroup() + "/" + kind.getKind());
            if (!found.isEmpty() && crd != null) {
                objects.add(crd);
            }
        }
        return objects;
    }

    /** The custom kinds the cluster's CRDs define and those of the workload, each once. */
    private static List<ResourceDefinitionContext> customKinds(
            KubernetesClient source, List<ResourceDefinitionContext> workloadKinds) {
        Map<String, ResourceDefinitionContext> kinds = new LinkedHashMap<>();
        for (ResourceDefinitionContext kind : AnyKind.defined(source)) {
            if (kind.isNamespaceScoped()) {
                kinds.putIfAbsent(kind.getPlural() + "." + kind.getGroup(), kind);
            }
        }
        for (ResourceDefinitionContext kind : workloadKinds) {
            if (kind.isNamespaceScoped()) {
                kinds.putIfAbsent(kind.getPlural() + "." + kind.getGroup(), kind);
            }
        }
        return List.copyOf(kinds.values());
    }

    private static boolean selected(HasMetadata object, ResourceSelection selection) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return object.getMetadata().getNamespace() != null
                && selection.selectsNamespace(object.getMetadata().getNamespace())
                && selection.selectsLabels(labels)
                && !(labels != null && "true".equals(labels.get(ResourceSelection.EXCLUDE_LABEL)))
                && !Manifests.clusterOwned(object);
    }
}
