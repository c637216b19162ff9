package io.mch.harness.backend.embedded;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.mch.harness.runtime.ProcessTemp;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One cluster's Kubernetes API: fabric8's mock server in CRUD mode on its own loopback address,
 * built without the JUnit extension so the harness can run it anywhere, and the client the
 * simulator and the harness share.
 *
 * <p>Every API server and client of the process share one Jackson serialization: a mapper builds a
 * deserializer for each Kubernetes model class on first use and caches it, so a mapper per server or
 * per client rebuilt them for every fleet (about a quarter of a run's CPU at ×20, JFR). Both are
 * thread-safe once configured, and mch registers no custom types on them.
 */
final class ApiServer implements AutoCloseable {

    /** Held strongly: java.util.logging forgets the level of a logger that is garbage collected. */
    private static final List<Logger> QUIETED = List.of(
            Logger.getLogger("io.fabric8.mockwebserver"),
            Logger.getLogger("io.fabric8.kubernetes.client.server.mock"),
            Logger.getLogger("io.vertx"),
            Logger.getLogger("io.netty"));

    static {
        // Before the first Vert.x instance: no vertx-cache-* folder left in the temp folder by a killed run.
        ProcessTemp.configureVertx();
    }

    /**
     * The clients' serialization; the CRUD dispatcher already uses fabric8's process-wide
     * {@link Serialization#jsonMapper()}, which the server's context now shares too.
     */
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    private ApiServer(KubernetesMockServer server, KubernetesClient client) {
        this.server = server;
        this.client = client;
    }

    /** The mock server logs every request at INFO; a run wants only its warnings. */
    static void quietLogging() {
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
    }

    static ApiServer start(InetAddress address) {
        var server = new KubernetesMockServer(
                new Context(Serialization.jsonMapper()), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(List.of()), false);
        server.init(address, 0);
        try {
            return new ApiServer(server, server.createClient(builder -> builder.withKubernetesSerialization(SERIALIZATION)));
        } catch (RuntimeException e) {
            server.destroy();
            throw e;
        }
    }

    KubernetesClient client() {
        return client;
    }

    String url() {
        return client.getMasterUrl().toString();
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            server.destroy();
        }
    }
}
