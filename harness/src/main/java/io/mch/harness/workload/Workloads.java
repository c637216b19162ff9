package io.mch.harness.workload;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts the topology's workload on a cluster and waits until it serves, the same way on every
 * backend. It creates or replaces objects with plain create/update calls, because the embedded
 * backend's API (fabric8's CRUD mock) supports neither server-side apply nor strategic merge
 * patch, and those calls work on any real API server too.
 */
public final class Workloads {

    private static final String DEFAULT_NAMESPACE = "default";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private Workloads() {}

    /**
     * Creates each object of the (multi-document) YAML manifests, or updates it when it exists.
     * Namespaced objects without a namespace go to {@code default}, not to the client's namespace,
     * so that every backend puts them in the same place.
     */
    public static void apply(KubernetesClient client, List<Path> manifests) {
        List<HasMetadata> items = new ArrayList<>(read(client, manifests));
        items.sort(Comparator.comparingInt(Workloads::applyOrder));
        for (HasMetadata item : items) {
            AnyKind.of(client, item).createOr(NonDeletingOperation::update);
        }
    }

    /**
     * The namespace of the workload's Service named {@code service} in the manifests; {@code default}
     * when none of them names it (validation refuses such a workload before a run).
     */
    public static String serviceNamespace(List<HasMetadata> objects, String service) {
        return objects.stream()
                .filter(o -> o instanceof Service && o.getMetadata().getName().equals(service))
                .map(o -> o.getMetadata().getNamespace())
                .findFirst()
                .orElse(DEFAULT_NAMESPACE);
    }

    /** What others need first, as kubectl and Velero order them: CRDs, then Namespaces, then the rest. */
    private static int applyOrder(HasMetadata item) {
        return item instanceof CustomResourceDefinition ? 0 : item instanceof Namespace ? 1 : 2;
    }

    /**
     * The objects the manifests describe (the desired state), namespaced as {@link #apply} puts
     * them: a custom object goes to {@code default} too, unless a CRD beside it makes its kind
     * cluster-scoped.
     */
    public static List<HasMetadata> read(KubernetesClient client, List<Path> manifests) {
        List<HasMetadata> all = new ArrayList<>();
        for (Path manifest : manifests) {
            try (InputStream in = Files.newInputStream(manifest)) {
                all.addAll(client.load(in).items());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read manifest " + manifest, e);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("cannot parse manifest " + manifest + ": " + e.getMessage(), e);
            }
        }
        Set<String> clusterScoped = all.stream()
                .filter(item -> item instanceof CustomResourceDefinition crd && "Cluster".equals(crd.getSpec().getScope()))
                .map(item -> ((CustomResourceDefinition) item).getSpec().getNames().getKind())
                .collect(Collectors.toSet());
        for (HasMetadata item : all) {
            boolean namespaced = item instanceof Namespaced
                    || AnyKind.custom(item) && !clusterScoped.contains(item.getKind());
            if (namespaced && item.getMetadata().getNamespace() == null) {
                item.getMetadata().setNamespace(DEFAULT_NAMESPACE);
            }
        }
        return all;
    }

    /**
     * Waits until {@code service} has at least one ready endpoint and every Deployment in the
     * namespace has all its replicas ready.
     *
     * @throws IllegalStateException on timeout, naming the API server, the service and what was
     *     last seen
     */
    public static void awaitReady(KubernetesClient client, String namespace, String service, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Endpoints endpoints = client.endpoints().inNamespace(namespace).withName(service).get();
            List<Deployment> deployments = client.apps().deployments().inNamespace(namespace).list().getItems();
            int readyEndpoints = readyAddresses(endpoints);
            boolean deploymentsReady = deployments.stream().allMatch(Workloads::allReplicasReady);
            if (readyEndpoints > 0 && deploymentsReady) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException(String.format(
                        "cluster %s: service %s/%s not ready after %s: %s; deployments: %s",
                        client.getMasterUrl(),
                        namespace,
                        service,
                        timeout,
                        endpoints == null ? "no Endpoints object" : readyEndpoints + " ready endpoints",
                        deployments.isEmpty()
                                ? "none"
                                : deployments.stream().map(Workloads::replicas).collect(Collectors.joining(", "))));
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for service " + service, e);
            }
        }
    }

    private static int readyAddresses(Endpoints endpoints) {
        if (endpoints == null || endpoints.getSubsets() == null) {
            return 0;
        }
        return endpoints.getSubsets().stream()
                .mapToInt(s -> s.getAddresses() == null ? 0 : s.getAddresses().size())
                .sum();
    }

    private static boolean allReplicasReady(Deployment deployment) {
        return readyReplicas(deployment) == wantedReplicas(deployment);
    }

    private static String replicas(Deployment deployment) {
        return deployment.getMetadata().getName() + " " + readyReplicas(deployment) + "/"
                + wantedReplicas(deployment) + " ready";
    }

    private static int wantedReplicas(Deployment deployment) {
        return Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
    }

    private static int readyReplicas(Deployment deployment) {
        return deployment.getStatus() == null
                ? 0
                : Objects.requireNonNullElse(deployment.getStatus().getReadyReplicas(), 0);
    }
}
