package io.mch.harness.backend.embedded;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.EndpointSubsetBuilder;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The endpoints controller: for every Service with a selector, an Endpoints object listing the
 * matching pods, ready ones under {@code addresses} and the others under
 * {@code notReadyAddresses}, each with its node and pod reference. It matches selectors itself
 * because the mock ignores set-based ones. It also keeps the ready endpoints in memory, so the
 * ingress routes without asking the API on every request. When service names repeat across
 * namespaces, the ingress sees the one in the alphabetically first namespace.
 */
final class EndpointsController {

    private final KubernetesClient client;
    private final Set<String> written = new HashSet<>();
    private volatile Map<String, List<ReadyEndpoint>> readyByService = Map.of();

    EndpointsController(KubernetesClient client) {
        this.client = client;
    }

    /** The ready endpoints of a service by name; empty when no such service exists. */
    Optional<List<ReadyEndpoint>> ready(String service) {
        return Optional.ofNullable(readyByService.get(service));
    }

    /** Every service's ready endpoints, by service name. */
    Map<String, List<ReadyEndpoint>> ready() {
        return readyByService;
    }

    void reconcile(PassPods passPods) {
        List<Service> services = client.services().inAnyNamespace().list().getItems().stream()
                .filter(s -> s.getSpec().getSelector() != null && !s.getSpec().getSelector().isEmpty())
                .sorted(Comparator.comparing((Service s) -> s.getMetadata().getNamespace())
                        .thenComparing(s -> s.getMetadata().getName()))
                .toList();
        List<Pod> pods = passPods.list().stream()
                .filter(p -> Pods.nodeName(p) != null && p.getStatus() != null && p.getStatus().getPodIP() != null)
                .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                .toList();
        Map<String, Endpoints> existing = client.endpoints().inAnyNamespace().list().getItems().stream()
                .collect(Collectors.toMap(EndpointsController::key, Function.identity()));
        Map<String, List<ReadyEndpoint>> ready = new LinkedHashMap<>();
        Set<String> wanted = new HashSet<>();
        for (Service service : services) {
            List<Pod> selected = pods.stream()
                    .filter(p -> Objects.equals(p.getMetadata().getNamespace(), service.getMetadata().getNamespace()))
                    .filter(p -> Labels.selects(service.getSpec().getSelector(), p.getMetadata().getLabels()))
                    .toList();
            ready.putIfAbsent(service.getMetadata().getName(), selected.stream()
                    .filter(Pods::ready)
                    .map(p -> new ReadyEndpoint(p.getMetadata().getName(), Pods.nodeName(p), p.getStatus().getPodIP()))
                    .toList());
            String key = key(service);
            wanted.add(key);
            write(existing.get(key), service, subsets(service, selected));
        }
        readyByService = Map.copyOf(ready);
        for (String stale : new ArrayList<>(written)) {
            if (!wanted.contains(stale) && existing.containsKey(stale)) {
                ApiWrites.orNextPass(() -> client.endpoints().resource(existing.get(stale)).delete());
            }
        }
        written.retainAll(wanted);
    }

    private void write(Endpoints current, Service service, List<EndpointSubset> subsets) {
        written.add(key(service));
        if (current == null) {
            Endpoints created = new EndpointsBuilder()
                    .withNewMetadata()
                    .withName(service.getMetadata().getName())
                    .withNamespace(service.getMetadata().getNamespace())
                    .withLabels(service.getMetadata().getLabels())
                    .endMetadata()
                    .withSubsets(subsets)
                    .build();
            ApiWrites.orNextPass(() -> client.endpoints().resource(created).create());
        } else if (!subsets.equals(current.getSubsets() == null ? List.of() : current.getSubsets())) {
            current.setSubsets(subsets);
            ApiWrites.orNextPass(() -> client.endpoints().resource(current).update());
        }
    }

    private static List<EndpointSubset> subsets(Service service, List<Pod> selected) {
        if (selected.isEmpty()) {
            return List.of();
        }
        List<EndpointAddress> ready = selected.stream().filter(Pods::ready).map(EndpointsController::address).toList();
        List<EndpointAddress> notReady =
                selected.stream().filter(p -> !Pods.ready(p)).map(EndpointsController::address).toList();
        List<EndpointPort> ports = service.getSpec().getPorts().stream()
                .map(port -> new EndpointPortBuilder()
                        .withName(port.getName())
                        .withPort(targetPort(port, selected.get(0)))
                        .withProtocol(port.getProtocol() == null ? "TCP" : port.getProtocol())
                        .build())
                .toList();
        return List.of(new EndpointSubsetBuilder()
                .withAddresses(ready)
                .withNotReadyAddresses(notReady)
                .withPorts(ports)
                .build());
    }

    private static EndpointAddress address(Pod pod) {
        return new EndpointAddressBuilder()
                .withIp(pod.getStatus().getPodIP())
                .withNodeName(Pods.nodeName(pod))
                .withNewTargetRef()
                .withKind("Pod")
                .withName(pod.getMetadata().getName())
                .withNamespace(pod.getMetadata().getNamespace())
                .withUid(pod.getMetadata().getUid())
                .endTargetRef()
                .build();
    }

    /** A numeric targetPort as is; a named one looked up in the pod's containers; none: the port. */
    private static int targetPort(ServicePort port, Pod pod) {
        IntOrString target = port.getTargetPort();
        if (target == null) {
            return port.getPort();
        }
        if (target.getIntVal() != null) {
            return target.getIntVal();
        }
        return pod.getSpec().getContainers().stream()
                .flatMap(c -> c.getPorts() == null ? Stream.<ContainerPort>empty() : c.getPorts().stream())
                .filter(p -> target.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElse(port.getPort());
    }

    private static String key(Service service) {
        return service.getMetadata().getNamespace() + "/" + service.getMetadata().getName();
    }

    private static String key(Endpoints endpoints) {
        return endpoints.getMetadata().getNamespace() + "/" + endpoints.getMetadata().getName();
    }
}
