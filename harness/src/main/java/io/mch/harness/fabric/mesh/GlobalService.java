package io.mch.harness.fabric.mesh;

import io.fabric8.kubernetes.api.model.Service;
import io.mch.harness.config.MeshSpec.Affinity;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Service shared by the mesh, read from Cilium's own annotations as cilium-agent reads them, so
 * a user's manifests drive the simulation and the same files work with the real Cilium on a k3s
 * backend. Each annotation has a legacy alias Cilium still reads when the current one is absent
 * ({@code io.cilium/global-service}, {@code io.cilium/shared-service},
 * {@code io.cilium/service-affinity}); values are read case-insensitively. In each cluster:
 * <ul>
 *   <li>{@code global: "true"}: the cluster's calls may go to the endpoints other clusters share;
 *   <li>{@code shared} (only read when global; default {@code "true"}): whether this cluster's
 *       endpoints are offered to the others; {@code "false"} keeps them for the cluster's own calls;
 *   <li>{@code affinity} (only read when global): which endpoints the cluster's calls prefer.
 * </ul>
 *
 * @param affinity how in-cluster clients choose between local and remote endpoints
 */
record GlobalService(String namespace, String name, Affinity affinity) {

    static final String GLOBAL = "service.cilium.io/global";
    static final String SHARED = "service.cilium.io/shared";
    static final String AFFINITY = "service.cilium.io/affinity";
    private static final String GLOBAL_ALIAS = "io.cilium/global-service";
    private static final String SHARED_ALIAS = "io.cilium/shared-service";
    private static final String AFFINITY_ALIAS = "io.cilium/service-affinity";

    /** {@code namespace/name}: services of the same key in several clusters are one global service. */
    String key() {
        return key(namespace, name);
    }

    static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    /** Whether Cilium treats this Service as global: its cluster's calls may go to shared remote endpoints. */
    static boolean isGlobal(Service service) {
        return annotation(service, GLOBAL, GLOBAL_ALIAS).filter("true"::equals).isPresent();
    }

    /** Whether Cilium offers this Service's endpoints to the other clusters: global, and not {@code shared: "false"}. */
    static boolean isShared(Service service) {
        return isGlobal(service) && annotation(service, SHARED, SHARED_ALIAS).map("true"::equals).orElse(true);
    }

    /**
     * The global service a Service declares; its affinity from {@code service.cilium.io/affinity}
     * ({@code local}, {@code remote}, {@code none}), else {@code fallback}.
     */
    static Optional<GlobalService> of(Service service, Affinity fallback) {
        if (!isGlobal(service)) {
            return Optional.empty();
        }
        Affinity affinity = annotation(service, AFFINITY, AFFINITY_ALIAS).map(a -> parseAffinity(a, service))
                .orElse(fallback);
        return Optional.of(new GlobalService(service.getMetadata().getNamespace(), service.getMetadata().getName(), affinity));
    }

    /** The value of {@code key}, else of its legacy {@code alias}, lower-cased (Cilium's {@code annotation.Get}). */
    private static Optional<String> annotation(Service service, String key, String alias) {
        Map<String, String> annotations = service.getMetadata().getAnnotations();
        if (annotations == null) {
            return Optional.empty();
        }
        String value = annotations.containsKey(key) ? annotations.get(key) : annotations.get(alias);
        return Optional.ofNullable(value).map(v -> v.toLowerCase(Locale.ROOT));
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
