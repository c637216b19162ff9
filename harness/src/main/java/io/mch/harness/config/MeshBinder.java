package io.mch.harness.config;

import io.mch.harness.config.MeshSpec.Affinity;
import io.mch.harness.input.Cursor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Binds {@code fabric.mesh} (Cilium ClusterMesh style). Defaults are Cilium's: endpoints of an
 * unreachable peer are never revoked ({@code stale-endpoint-ttl} 0, its {@code cacheTTL}), and a
 * service without an affinity annotation spreads over all endpoints ({@code affinity} none);
 * {@code discovery-interval} {@link MeshSpec#DEFAULT_DISCOVERY_INTERVAL}; {@code clients.rate}
 * {@link MeshSpec#DEFAULT_CLIENT_RATE}/s per cluster; no {@code clients.timeout}: the run decides.
 */
final class MeshBinder {

    static final List<String> FIELDS = List.of("stale-endpoint-ttl", "discovery-interval", "affinity", "clients");

    private MeshBinder() {}

    private record Clients(double rate, Optional<Duration> timeout) {}

    private static final Clients DEFAULT_CLIENTS = new Clients(MeshSpec.DEFAULT_CLIENT_RATE, Optional.empty());

    static Optional<MeshSpec> bind(Cursor section) {
        return section.fields(FIELDS).flatMap(f -> {
            Optional<Duration> ttl = f.optional("stale-endpoint-ttl", Cursor::duration, Duration.ZERO);
            Optional<Duration> discovery = f.optional("discovery-interval",
                    c -> c.positive(c.duration()), MeshSpec.DEFAULT_DISCOVERY_INTERVAL);
            Optional<Affinity> affinity = f.optional("affinity", c -> c.choice(Affinity.class), Affinity.NONE);
            Optional<Clients> clients = f.optional("clients", MeshBinder::clients, DEFAULT_CLIENTS);
            if (ttl.isEmpty() || discovery.isEmpty() || affinity.isEmpty() || clients.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new MeshSpec(ttl.get(), discovery.get(), affinity.get(), clients.get().rate(),
                    clients.get().timeout()));
        });
    }

    private static Optional<Clients> clients(Cursor section) {
        return section.fields(List.of("rate", "timeout")).flatMap(f -> {
            Optional<Double> rate = f.optional("rate", Cursor::ratePerSecond, MeshSpec.DEFAULT_CLIENT_RATE);
            Optional<Optional<Duration>> timeout = f.get("timeout")
                    .map(c -> c.positive(c.duration()).map(Optional::of))
                    .orElse(Optional.of(Optional.empty()));
            return rate.isPresent() && timeout.isPresent()
                    ? Optional.of(new Clients(rate.get(), timeout.get()))
                    : Optional.empty();
        });
    }
}
