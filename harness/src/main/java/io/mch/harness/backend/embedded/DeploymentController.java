package io.mch.harness.backend.embedded;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deployment → pods, without the ReplicaSet in between (rollouts are not simulated): keeps
 * {@code spec.replicas} pods from the template, named {@code <deployment>-<5 chars>} from a seeded
 * Random so a run's names repeat with its seed, and reports ready/available replicas in the
 * status. The CRUD mock has no garbage collector, so this controller deletes surplus pods and the
 * pods of Deployments that no longer exist.
 */
final class DeploymentController {

    /** The alphabet Kubernetes uses for generated name suffixes (no vowels, no look-alikes). */
    private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final KubernetesClient client;
    private final Random random;

    DeploymentController(KubernetesClient client, long seed) {
        this.client = client;
        this.random = new Random(seed);
    }

    void reconcile(PassPods passPods) {
        List<Deployment> deployments = client.apps().deployments().inAnyNamespace().list().getItems();
        List<Pod> pods = passPods.list();
        Set<String> names = pods.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
        boolean wrote = false;
        for (Deployment deployment : deployments) {
            wrote |= reconcile(deployment, owned(deployment, pods), names);
        }
        Set<String> existing = deployments.stream().map(DeploymentController::key).collect(Collectors.toSet());
        List<Pod> orphans = pods.stream().filter(p -> ownerKey(p) != null && !existing.contains(ownerKey(p))).toList();
        orphans.forEach(p -> ApiWrites.orNextPass(() -> client.pods().resource(p).withGracePeriod(0).delete()));
        if (wrote || !orphans.isEmpty()) {
            passPods.changed();
        }
    }

    /** Returns whether it created or deleted a pod. */
    private boolean reconcile(Deployment deployment, List<Pod> owned, Set<String> names) {
        int wanted = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        for (int i = owned.size(); i < wanted; i++) {
            Pod pod = newPod(deployment, names);
            names.add(pod.getMetadata().getName());
            ApiWrites.orNextPass(() -> client.pods().resource(pod).create());
        }
        List<Pod> surplus = owned.stream()
                .sorted(Comparator.comparing((Pod p) -> Pods.nodeName(p) != null)
                        .thenComparing(Pods::ready)
                        .thenComparing(p -> p.getMetadata().getName(), Comparator.reverseOrder()))
                .limit(Math.max(0, owned.size() - wanted))
                .toList();
        surplus.forEach(p -> ApiWrites.orNextPass(() -> client.pods().resource(p).withGracePeriod(0).delete()));
        updateStatus(deployment, owned);
        return owned.size() < wanted || !surplus.isEmpty();
    }

    private void updateStatus(Deployment deployment, List<Pod> owned) {
        int ready = (int) owned.stream().filter(Pods::ready).count();
        DeploymentStatus status = deployment.getStatus() == null ? new DeploymentStatus() : deployment.getStatus();
        boolean unchanged = Objects.equals(status.getReplicas(), owned.size())
                && Objects.equals(status.getReadyReplicas(), ready)
                && Objects.equals(status.getAvailableReplicas(), ready)
                && Objects.equals(status.getUpdatedReplicas(), owned.size())
                && Objects.equals(status.getObservedGeneration(), deployment.getMetadata().getGeneration());
        if (unchanged) {
            return;
        }
        status.setReplicas(owned.size());
        status.setReadyReplicas(ready);
        status.setAvailableReplicas(ready);
        status.setUnavailableReplicas(Math.max(0, owned.size() - ready));
        status.setUpdatedReplicas(owned.size());
        status.setObservedGeneration(deployment.getMetadata().getGeneration());
        deployment.setStatus(status);
        ApiWrites.orNextPass(() -> client.apps().deployments().resource(deployment).updateStatus());
    }

    private static List<Pod> owned(Deployment deployment, List<Pod> pods) {
        String key = key(deployment);
        LabelSelector selector = deployment.getSpec().getSelector();
        return pods.stream()
                .filter(p -> key.equals(ownerKey(p)))
                .filter(p -> Labels.selects(selector, p.getMetadata().getLabels()))
                .collect(Collectors.toList());
    }

    private Pod newPod(Deployment deployment, Set<String> taken) {
        String name;
        do {
            name = deployment.getMetadata().getName() + "-" + suffix();
        } while (taken.contains(name));
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata() == null
                ? Map.of()
                : deployment.getSpec().getTemplate().getMetadata().getLabels();
        OwnerReference owner = new OwnerReferenceBuilder()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName(deployment.getMetadata().getName())
                .withUid(deployment.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(deployment.getMetadata().getNamespace())
                .withLabels(new HashMap<>(labels == null ? Map.of() : labels))
                .withOwnerReferences(owner)
                .endMetadata()
                .withSpec(new PodSpecBuilder(deployment.getSpec().getTemplate().getSpec()).build())
                .build();
    }

    private String suffix() {
        var chars = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            chars.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return chars.toString();
    }

    private static String key(Deployment deployment) {
        return deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName();
    }

    /** namespace/name of the Deployment that owns the pod, or null for a pod no Deployment made. */
    private static String ownerKey(Pod pod) {
        return pod.getMetadata().getOwnerReferences() == null
                ? null
                : pod.getMetadata().getOwnerReferences().stream()
                        .filter(o -> "Deployment".equals(o.getKind()) && Boolean.TRUE.equals(o.getController()))
                        .map(o -> pod.getMetadata().getNamespace() + "/" + o.getName())
                        .findFirst()
                        .orElse(null);
    }
}
