package io.mch.harness.fabric.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeerEndpointsTest {

    private static final String API = "default/api-server";
    private static final Duration LIVENESS = Duration.ofMillis(1400);

    @Test
    void withTtlZeroStaleEndpointsAreKeptUntilThePeerAnswersAgainAndNotedOnce() {
        PeerEndpoints peer = new PeerEndpoints("us-east", "eu-west", Duration.ZERO, LIVENESS);
        assertThat(peer.learned(Map.of(API, 3), 12_300)).isEmpty();
        peer.failed();

        assertThat(peer.check(20_000)).hasValue("us-east keeps 3 stale endpoints of api-server in eu-west "
                + "(unreachable since 12.3 s; stale-endpoint TTL 0: kept until it answers again)");
        assertThat(peer.check(900_000)).isEmpty();
        assertThat(peer.count(API)).isEqualTo(3);
        assertThat(peer.known()).isTrue();

        assertThat(peer.learned(Map.of(API, 2), 900_100))
                .hasValue("us-east reaches eu-west again: 2 endpoints of api-server known");
        assertThat(peer.count(API)).isEqualTo(2);
    }

    @Test
    void withATtlStaleEndpointsAreRevokedOnceItHasPassedSinceTheLastSuccessfulRead() {
        PeerEndpoints peer = new PeerEndpoints("us-east", "eu-west", Duration.ofSeconds(2), LIVENESS);
        peer.learned(Map.of(API, 3, "default/web", 1), 10_000);
        peer.reading(10_200);

        assertThat(peer.check(11_000)).as("a read in flight within the liveness timeout").isEmpty();
        assertThat(peer.check(11_700)).hasValueSatisfying(n -> assertThat(n)
                .isEqualTo("us-east keeps 3 stale endpoints of api-server, 1 of web in eu-west "
                        + "(unreachable since 10.0 s; revoked after the stale-endpoint TTL of 2.0 s)"));
        assertThat(peer.count(API)).isEqualTo(3);

        assertThat(peer.check(12_000)).hasValue("us-east revokes 3 stale endpoints of api-server, 1 of web in eu-west "
                + "(unreachable since 10.0 s; stale-endpoint TTL 2.0 s)");
        assertThat(peer.count(API)).isZero();
        assertThat(peer.known()).isFalse();
        assertThat(peer.check(30_000)).isEmpty();
    }

    @Test
    void aHealthyPeerIsNeverRevokedHoweverOldItsLastReadAndAnUnreachedOneIsNotedOnce() {
        PeerEndpoints healthy = new PeerEndpoints("a", "b", Duration.ofMillis(100), LIVENESS);
        healthy.learned(Map.of(API, 1), 0);
        assertThat(healthy.check(5_000)).isEmpty();
        assertThat(healthy.count(API)).isEqualTo(1);

        PeerEndpoints unreached = new PeerEndpoints("a", "b", Duration.ZERO, LIVENESS);
        assertThat(unreached.attempted()).isFalse();
        unreached.failed();
        assertThat(unreached.attempted()).isTrue();
        assertThat(unreached.check(1_000)).hasValue("a cannot reach b: none of its endpoints known yet");
        assertThat(unreached.check(2_000)).isEmpty();
        assertThat(unreached.count(API)).isZero();
    }
}
