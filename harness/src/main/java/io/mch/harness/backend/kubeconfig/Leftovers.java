package io.mch.harness.backend.kubeconfig;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and undoes what mch left on an existing cluster: node marks ({@link NodeMarks}) and the
 * objects labelled {@value Ownership#MANAGED_BY}={@value Ownership#MCH}. It is the end of every
 * kubeconfig run and the whole of {@code mch heal}, so a killed run is cleaned up by the same code
 * as a finished one. It looks only at the kinds mch creates (the workload's, and the fabric's
 * resource shapes); a kind the cluster does not serve is skipped.
 */
public final class Leftovers {

    /** Workloads before what they use, namespaces last (deleting one deletes its contents). */
    private static final List<Class<? extends HasMetadata>> KINDS = List.of(
            Deployment.class, StatefulSet.class, DaemonSet.class, ReplicaSet.class, CronJob.class, Job.class,
            Pod.class, Service.class, Ingress.class, ConfigMap.class, Secret.class, ServiceAccount.class,
            PersistentVolumeClaim.class);

    /** The fabric's shapes (see docs/topologies.md): Argo CD, Fleet, ExternalDNS, Velero. */
    private static final List<ResourceDefinitionContext> CUSTOM = List.of(
            custom("argoproj.io", "v1alpha1", "ApplicationSet", "applicationsets"),
            custom("fleet.cattle.io", "v1alpha1", "GitRepo", "gitrepos"),
            custom("externaldns.k8s.io", "v1alpha1", "DNSEndpoint", "dnsendpoints"),
            custom("velero.io", "v1", "Schedule", "schedules"),
            custom("velero.io", "v1", "Backup", "backups"),
            custom("velero.io", "v1", "Restore", "restores"));

    private Leftovers() {}

    /**
     * Reverts node marks and deletes labelled objects on one cluster; with {@code runId}, only
     * that run's. Returns one line per thing undone, each starting with {@code context}.
     */
    public static List<String> clear(KubernetesClient client, String context, Optional<String> runId) {
        List<String> done = new ArrayList<>();
        for (Node node : client.nodes().list().getItems()) {
            NodeMarks.unmark(client, node, runId).ifPresent(line -> done.add(context + ": " + line));
        }
        Map<String, String> selector = runId.map(Ownership::labels).orElse(Map.of(Ownership.MANAGED_BY, Ownership.MCH));
        for (Class<? extends HasMetadata> kind : KINDS) {
            delete(client.resources(kind), true, selector, context, done);
        }
        for (ResourceDefinitionContext kind : CUSTOM) {
            delete(client.genericKubernetesResources(kind), true, selector, context, done);
        }
        delete(client.resources(Namespace.class), false, selector, context, done);
        return done;
    }

    private static <T extends HasMetadata, L extends KubernetesResourceList<T>> void delete(
            MixedOperation<T, L, ? extends Resource<T>> kind, boolean namespaced, Map<String, String> selector,
            String context, List<String> done) {
        List<T> items;
        try {
            items = (namespaced ? kind.inAnyNamespace().withLabels(selector) : kind.withLabels(selector)).list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return; // the cluster does not serve this kind, so mch created none
            }
            throw e;
        }
        for (T item : items) {
            String name = item.getMetadata().getName();
            String namespace = item.getMetadata().getNamespace();
            (namespaced ? kind.inNamespace(namespace).withName(name) : kind.withName(name)).delete();
            done.add(context + ": deleted " + item.getKind() + " " + (namespaced ? namespace + "/" : "") + name
                    + " (run " + item.getMetadata().getLabels().getOrDefault(Ownership.RUN, "?") + ")");
        }
    }

    private static ResourceDefinitionContext custom(String group, String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(group)
                .withVersion(version)
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(true)
                .build();
    }
}
