package io.mch.harness.workload;

import io.fabric8.kubernetes.api.Pluralize;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The API operations on an object of any kind, built in or custom. fabric8's
 * {@code client.resource(object)} finds a custom kind through API discovery only, which the
 * embedded backend's CRUD mock does not answer ("Could not find a registered handler"). Here a
 * custom object's resource is found as the API server would serve it: from a
 * CustomResourceDefinition in the cluster, else from the cluster's discovery, else (the embedded
 * backend without the CRD, which stores any kind) by Kubernetes' own convention: the lower-case
 * plural of the kind, namespaced.
 */
public final class AnyKind {

    private AnyKind() {}

    /** The resource of {@code object} in {@code client}'s cluster (its namespace where it has one). */
    @SuppressWarnings("unchecked")
    public static Resource<HasMetadata> of(KubernetesClient client, HasMetadata object) {
        if (!(object instanceof GenericKubernetesResource generic)) {
            return client.resource(object);
        }
        ResourceDefinitionContext context = definition(client, generic.getApiVersion(), generic.getKind());
        var kind = client.genericKubernetesResources(context);
        String namespace = generic.getMetadata().getNamespace();
        Resource<GenericKubernetesResource> resource = context.isNamespaceScoped() && namespace != null
                ? kind.inNamespace(namespace).resource(generic)
                : kind.resource(generic);
        return (Resource<HasMetadata>) (Resource<?>) resource;
    }

    /** Whether {@code object} is of a kind fabric8 has no class for: a custom resource. */
    public static boolean custom(HasMetadata object) {
        return object instanceof GenericKubernetesResource;
    }

    /**
     * How the cluster serves {@code kind} of {@code apiVersion} ({@code group/version}, or
     * {@code version} for the core group).
     */
    public static ResourceDefinitionContext definition(KubernetesClient client, String apiVersion, String kind) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        return fromCrd(client, group, version, kind)
                .or(() -> fromDiscovery(client, apiVersion, group, version, kind))
                .orElseGet(() -> context(group, version, kind, Pluralize.toPlural(kind.toLowerCase(Locale.ROOT)), true));
    }

    /** How the cluster serves {@code object}'s kind, built in or custom. */
    public static ResourceDefinitionContext definition(KubernetesClient client, HasMetadata object) {
        if (custom(object)) {
            return definition(client, object.getApiVersion(), object.getKind());
        }
        return ResourceDefinitionContext.fromResourceType(object.getClass());
    }

    /** The custom kinds the cluster's CRDs define, as the resources serving them (their first served version). */
    public static List<ResourceDefinitionContext> defined(KubernetesClient client) {
        return client.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
                .filter(crd -> crd.getSpec() != null && crd.getSpec().getVersions() != null
                        && !crd.getSpec().getVersions().isEmpty())
                .map(crd -> context(crd.getSpec().getGroup(), crd.getSpec().getVersions().get(0).getName(),
                        crd.getSpec().getNames().getKind(), crd.getSpec().getNames().getPlural(), namespaced(crd)))
                .toList();
    }

    private static Optional<ResourceDefinitionContext> fromCrd(
            KubernetesClient client, String group, String version, String kind) {
        try {
            return client.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
                    .filter(crd -> crd.getSpec() != null && group.equals(crd.getSpec().getGroup())
                            && kind.equals(crd.getSpec().getNames().getKind()))
                    .findFirst()
                    .map(crd -> context(group, version, kind, crd.getSpec().getNames().getPlural(), namespaced(crd)));
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
    }

    private static Optional<ResourceDefinitionContext> fromDiscovery(
            KubernetesClient client, String apiVersion, String group, String version, String kind) {
        try {
            APIResourceList list = client.getApiResources(apiVersion);
            if (list == null || list.getResources() == null) {
                return Optional.empty();
            }
            return list.getResources().stream()
                    .filter(r -> kind.equals(r.getKind()) && !r.getName().contains("/"))
                    .findFirst()
                    .map(r -> context(group, version, kind, r.getName(), isNamespaced(r)));
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
    }

    private static boolean isNamespaced(APIResource resource) {
        return !Boolean.FALSE.equals(resource.getNamespaced());
    }

    private static boolean namespaced(CustomResourceDefinition crd) {
        return !"Cluster".equals(crd.getSpec().getScope());
    }

    private static ResourceDefinitionContext context(
            String group, String version, String kind, String plural, boolean namespaced) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(group)
                .withVersion(version)
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(namespaced)
                .build();
    }
}
