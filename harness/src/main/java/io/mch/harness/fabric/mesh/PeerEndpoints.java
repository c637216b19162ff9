package io.mch.harness.fabric.mesh;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one cluster's agent knows of one peer's global-service endpoints, and Cilium's rule for
 * knowledge that can no longer be refreshed: endpoints of a peer that stopped answering are kept
 * (stale) until the stale-endpoint TTL has passed since the last successful read, or forever when
 * the TTL is zero ({@code cacheTTL}'s default). A read that has not answered within the liveness
 * timeout counts as failed, like a kvstore session whose keepalives stop, so a blackholed peer is
 * noticed long before the API client gives up. All times are scenario milliseconds.
 */
final class PeerEndpoints {

    private final String self;
    private final String peer;
    private final long ttlMs;
    private final long livenessMs;
    private Map<String, Integer> counts = Map.of();
    private boolean known;
    private boolean attempted;
    private long lastSuccessMs = -1;
    private long inFlightSinceMs = -1;
    private boolean lastAttemptFailed;
    private boolean unreachableNoted;

    /**
     * @param ttl how long stale endpoints are kept; zero keeps them until the peer answers again
     * @param liveness how long a read may stay unanswered before the peer counts as unreachable
     */
    PeerEndpoints(String self, String peer, Duration ttl, Duration liveness) {
        this.self = self;
        this.peer = peer;
        this.ttlMs = ttl.toMillis();
        this.livenessMs = liveness.toMillis();
    }

    synchronized void reading(long nowMs) {
        inFlightSinceMs = nowMs;
    }

    /**
     * A read succeeded with the peer's ready endpoints by service key; returns a note when the
     * peer had been noted unreachable.
     */
    synchronized Optional<String> learned(Map<String, Integer> endpoints, long nowMs) {
        Optional<String> note = unreachableNoted
                ? Optional.of(self + " reaches " + peer + " again: " + describe(endpoints, "") + " known")
                : Optional.empty();
        counts = Map.copyOf(endpoints);
        known = true;
        attempted = true;
        lastSuccessMs = nowMs;
        inFlightSinceMs = -1;
        lastAttemptFailed = false;
        unreachableNoted = false;
        return note;
    }

    synchronized void failed() {
        attempted = true;
        inFlightSinceMs = -1;
        lastAttemptFailed = true;
    }

    /**
     * Applies the stale-endpoint rule at {@code nowMs}: revokes the endpoints once the TTL has
     * passed, and returns the note a reader of the history needs (the first time the peer is seen
     * unreachable, and when its endpoints are revoked).
     */
    synchronized Optional<String> check(long nowMs) {
        boolean unreachable = lastAttemptFailed || (inFlightSinceMs >= 0 && nowMs - inFlightSinceMs > livenessMs);
        if (!unreachable) {
            return Optional.empty();
        }
        if (!known) {
            if (unreachableNoted || lastSuccessMs >= 0) {
                return Optional.empty();
            }
            unreachableNoted = true;
            return Optional.of(self + " cannot reach " + peer + ": none of its endpoints known yet");
        }
        String since = "unreachable since " + seconds(lastSuccessMs);
        if (ttlMs > 0 && nowMs - lastSuccessMs >= ttlMs) {
            Map<String, Integer> revoked = counts;
            counts = Map.of();
            known = false;
            unreachableNoted = true;
            return Optional.of(self + " revokes " + describe(revoked, "stale ") + " in " + peer + " (" + since
                    + "; stale-endpoint TTL " + seconds(ttlMs) + ")");
        }
        if (unreachableNoted) {
            return Optional.empty();
        }
        unreachableNoted = true;
        return Optional.of(self + " keeps " + describe(counts, "stale ") + " in " + peer + " (" + since + "; "
                + (ttlMs == 0 ? "stale-endpoint TTL 0: kept until it answers again"
                        : "revoked after the stale-endpoint TTL of " + seconds(ttlMs)) + ")");
    }

    /** The endpoints known (possibly stale) of a service; 0 when none or revoked. */
    synchronized int count(String serviceKey) {
        return known ? counts.getOrDefault(serviceKey, 0) : 0;
    }

    /** Whether a read has succeeded and its endpoints are not revoked: discovery of this peer works. */
    synchronized boolean known() {
        return known;
    }

    /** Whether any read has completed, successfully or not. */
    synchronized boolean attempted() {
        return attempted;
    }

    /** {@code 3 stale endpoints of api-server}, {@code 3 endpoints of api-server, 2 of web}. */
    private static String describe(Map<String, Integer> endpoints, String adjective) {
        if (endpoints.isEmpty()) {
            return "no " + adjective + "endpoints";
        }
        List<Map.Entry<String, Integer>> sorted =
                endpoints.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Integer> e : sorted) {
            String service = e.getKey().substring(e.getKey().indexOf('/') + 1);
            if (text.isEmpty()) {
                text.append(e.getValue()).append(' ').append(adjective)
                        .append(e.getValue() == 1 ? "endpoint" : "endpoints").append(" of ").append(service);
            } else {
                text.append(", ").append(e.getValue()).append(" of ").append(service);
            }
        }
        return text.toString();
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
