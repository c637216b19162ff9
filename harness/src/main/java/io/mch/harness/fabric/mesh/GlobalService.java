package io.mch.harness.fabric.mesh;

import io.fabric8.kubernetes.api.model.Service;
import io.mch.harness.config.MeshSpec.Affinity;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Service shared by the mesh, read from Cilium's own annotations so a user's manifests drive
 * the simulation and the same files work with the real Cilium on a k3s backend.
 *
 * @param affinity how in-cluster clients choose between local and remote endpoints
 */
record GlobalService(String namespace, String name, Affinity affinity) {

    static final String GLOBAL = "service.cilium.io/global";
    static final String AFFINITY = "service.cilium.io/affinity";

    /** {@code namespace/name}: services of the same key in several clusters are one global service. */
    String key() {
        return key(namespace, name);
    }

    static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    /** Whether Cilium would share this Service's endpoints with the other clusters. */
    static boolean isGlobal(Service service) {
        Map<String, String> annotations = service.getMetadata().getAnnotations();
        return annotations != null && "true".equalsIgnoreCase(annotations.get(GLOBAL));
    }

    /**
     * The global service a Service declares; its affinity from {@code service.cilium.io/affinity}
     * ({@code local}, {@code remote}, {@code none}), else {@code fallback}.
     */
    static Optional<GlobalService> of(Service service, Affinity fallback) {
        if (!isGlobal(service)) {
            return Optional.empty();
        }
        String annotated = service.getMetadata().getAnnotations().get(AFFINITY);
        Affinity affinity = annotated == null ? fallback : parseAffinity(annotated, service);
        return Optional.of(new GlobalService(service.getMetadata().getNamespace(), service.getMetadata().getName(), affinity));
    }

    private static Affinity parseAffinity(String value, Service service) {
        try {
            return Affinity.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Service " + key(service.getMetadata().getNamespace(),
                    service.getMetadata().getName()) + ": " + AFFINITY + " is '" + value
                    + "'; Cilium accepts local, remote, none", e);
        }
    }
}
