package io.mch.faults.nemesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mch.faults.Heal;
import io.mch.faults.proxy.LinkProxy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PathFaultsTest {

    private Network network;

    @BeforeEach
    void start() throws IOException {
        network = Network.of(List.of("a", "b", "c"), List.of("a>b", "b>a", "a>c"));
    }

    @AfterEach
    void stop() throws IOException {
        network.close();
    }

    @Test
    void visitsEachLinkOnceWithItsOrientation() {
        List<String> visited = new ArrayList<>();

        PathFaults.apply(network, List.of("a", "b"), List.of("b", "a"),
                (link, outbound, heals) -> visited.add(link.name() + (outbound ? " out" : " in")));

        assertThat(visited).containsExactly(
                network.link("a>b").name() + " out", network.link("b>a").name() + " in");
    }

    @Test
    void aFailureHalfWayHealsWhatWasAlreadyDone() {
        AtomicInteger healed = new AtomicInteger();
        List<LinkProxy> changed = new ArrayList<>();

        assertThatThrownBy(() -> PathFaults.apply(network, List.of("a"), List.of("b", "c"), (link, outbound, heals) -> {
            if (changed.size() == 2) {
                throw new IllegalStateException("third link fails");
            }
            changed.add(link);
            heals.add(Heal.once(healed::incrementAndGet));
        })).isInstanceOf(IllegalStateException.class);

        assertThat(changed).hasSize(2);
        assertThat(healed).hasValue(2);
    }
}
