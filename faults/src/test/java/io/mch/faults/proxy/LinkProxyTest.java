package io.mch.faults.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mch.faults.Heal;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LinkProxyTest {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration LONG = Duration.ofSeconds(5);

    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<String> proxyNames = new ArrayList<>();
    private EchoServer echo;

    @BeforeEach
    void startEcho() throws IOException {
        echo = keep(EchoServer.start());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        assertThat(proxyNames).allMatch(name -> threadsOf(name) == 0);
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }

    private LinkProxy proxy(InetSocketAddress upstream) throws IOException {
        LinkProxy proxy = LinkProxy.open("lp" + NAMES.incrementAndGet(), InetAddress.getLoopbackAddress(), upstream, 1);
        proxyNames.add(proxy.name());
        return keep(proxy);
    }

    private EchoClient client(LinkProxy proxy, Duration timeout) throws IOException {
        return keep(EchoClient.connect(proxy.address(), timeout));
    }

    static long threadsOf(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith(LinkProxy.threadPrefix(name)))
                .count();
    }

    @Test
    void aMovingUpstreamIsAskedAgainForEveryNewConnection() throws IOException {
        EchoServer moved = keep(EchoServer.start());
        java.util.concurrent.atomic.AtomicReference<InetSocketAddress> upstream =
                new java.util.concurrent.atomic.AtomicReference<>(echo.address());
        LinkProxy proxy = keep(LinkProxy.open("lp" + NAMES.incrementAndGet(), InetAddress.getLoopbackAddress(),
                upstream::get, 1));
        proxyNames.add(proxy.name());
        assertThat(client(proxy, LONG).call("before")).isEqualTo("before");

        upstream.set(moved.address());
        assertThat(client(proxy, LONG).call("after")).isEqualTo("after");
        assertThat(moved.received()).isEqualTo("after\n".length());
        assertThat(echo.received()).isEqualTo("before\n".length());
    }

    @Test
    void forwardsEveryConnectionBothWays() throws IOException {
        LinkProxy proxy = proxy(echo.address());
        EchoClient first = client(proxy, LONG);
        EchoClient second = client(proxy, LONG);

        assertThat(first.call("hello")).isEqualTo("hello");
        assertThat(second.call("world")).isEqualTo("world");
        assertThat(first.call("again")).isEqualTo("again");
        assertThat(proxy.connections()).isEqualTo(2);
        assertThat(echo.received()).isEqualTo("hello\nworld\nagain\n".length());
        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(t -> t.getName().startsWith(LinkProxy.threadPrefix(proxy.name())))
                .isNotEmpty()
                .allMatch(Thread::isDaemon);
    }

    @Test
    void aCloseTravelsThroughAndEndsTheConnection() throws IOException {
        LinkProxy proxy = proxy(echo.address());
        try (Socket socket = new Socket(proxy.address().getAddress(), proxy.address().getPort())) {
            socket.setSoTimeout((int) LONG.toMillis());
            socket.getOutputStream().write("bye\n".getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();

            assertThat(socket.getInputStream().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("bye\n");
        }
        await().atMost(LONG).until(() -> proxy.connections() == 0);
    }

    @Test
    void baseLatencyCostsOneRoundTripPerRequest() throws IOException {
        LinkProxy proxy = proxy(echo.address());
        proxy.baseLatency(Duration.ofMillis(30), Duration.ZERO);

        assertThat(EchoClient.medianRoundTripMillis(echo.address(), 10)).isLessThan(15);
        assertThat(EchoClient.medianRoundTripMillis(proxy.address(), 10)).isBetween(55.0, 90.0);
    }

    @Test
    void aDelayDoesNotLimitThroughput() throws IOException {
        LinkProxy proxy = proxy(echo.address());
        proxy.baseLatency(Duration.ofMillis(50), Duration.ZERO);
        EchoClient client = client(proxy, LONG);
        int megabyte = 1 << 20;

        client.send(new byte[megabyte]);

        // at least 64 chunks of 16 KiB: one after the other they would need over 3 s
        await().atMost(Duration.ofMillis(1500)).until(() -> echo.received() == megabyte);
    }

    @Test
    void addedLatencyStacksPerDirectionAndHeals() throws IOException {
        LinkProxy proxy = proxy(echo.address());
        Heal up = proxy.addLatency(Direction.UPSTREAM, Duration.ofMillis(40), Duration.ZERO);
        assertThat(EchoClient.medianRoundTripMillis(proxy.address(), 5)).isBetween(35.0, 70.0);

        Heal down = proxy.addLatency(Direction.DOWNSTREAM, Duration.ofMillis(40), Duration.ZERO);
        assertThat(EchoClient.medianRoundTripMillis(proxy.address(), 5)).isBetween(75.0, 115.0);

        up.heal();
        down.heal();
        assertThat(EchoClient.medianRoundTripMillis(proxy.address(), 5)).isLessThan(15);
    }

    @Test
    void upstreamBlackholeHoldsNewConnectionsUntilHealed() throws IOException {
        LinkProxy proxy = proxy(echo.address());
        Heal heal = proxy.blackhole(Direction.UPSTREAM);

        EchoClient held = client(proxy, SHORT);
        assertThatThrownBy(() -> held.call("lost")).isInstanceOf(SocketTimeoutException.class);
        assertThat(echo.received()).isZero();
        assertThat(proxy.connections()).isEqualTo(1);
        held.close();
        await().atMost(LONG).until(() -> proxy.connections() == 0);

        heal.heal();
        assertThat(client(proxy, LONG).call("back")).isEqualTo("back");
        assertThat(echo.received()).isEqualTo("back\n".length());
    }

    @Test
    void bytesDroppedByABlackholeAreLostForGood() throws IOException {
        LinkProxy proxy = proxy(echo.address());
        EchoClient client = client(proxy, SHORT);
        assertThat(client.call("before")).isEqualTo("before");

        Heal heal = proxy.blackhole(Direction.UPSTREAM);
        assertThatThrownBy(() -> client.call("lost")).isInstanceOf(SocketTimeoutException.class);
        heal.heal();

        assertThat(client.call("after")).isEqualTo("after");
        assertThat(echo.received()).isEqualTo("before\nafter\n".length());
    }

    @Test
    void downstreamBlackholeDropsOnlyResponses() throws IOException {
        LinkProxy proxy = proxy(echo.address());
        Heal heal = proxy.blackhole(Direction.DOWNSTREAM);

        EchoClient client = client(proxy, SHORT);
        assertThatThrownBy(() -> client.call("request")).isInstanceOf(SocketTimeoutException.class);
        assertThat(echo.received()).isEqualTo("request\n".length());

        heal.heal();
        assertThat(client(proxy, LONG).call("healed")).isEqualTo("healed");
    }

    @Test
    void blackholesAreCountedAndTheirHealsIdempotent() throws IOException {
        LinkProxy proxy = proxy(echo.address());
        Heal first = proxy.blackhole(Direction.UPSTREAM);
        Heal second = proxy.blackhole(Direction.UPSTREAM);

        first.heal();
        first.heal();
        EchoClient stillCut = client(proxy, SHORT);
        assertThatThrownBy(() -> stillCut.call("cut")).isInstanceOf(SocketTimeoutException.class);

        second.heal();
        assertThat(client(proxy, LONG).call("through")).isEqualTo("through");
    }

    @Test
    void resetAbortsOpenConnectionsButNotTheProxy() throws IOException {
        LinkProxy proxy = proxy(echo.address());
        EchoClient client = client(proxy, LONG);
        assertThat(client.call("one")).isEqualTo("one");

        proxy.resetConnections();

        assertThatThrownBy(client::read).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        await().atMost(LONG).until(() -> proxy.connections() == 0);
        assertThat(client(proxy, LONG).call("two")).isEqualTo("two");
    }

    @Test
    void aRefusedUpstreamClosesTheClient() throws IOException {
        InetSocketAddress nobody;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = (InetSocketAddress) probe.getLocalSocketAddress();
        }
        LinkProxy proxy = proxy(nobody);
        EchoClient client = client(proxy, LONG);

        assertThatThrownBy(client::read).isInstanceOf(SocketException.class);
        await().atMost(LONG).until(() -> proxy.connections() == 0);
    }

    @Test
    void closeLeavesNoThreadAndNoPort() throws IOException {
        LinkProxy proxy = proxy(echo.address());
        EchoClient active = client(proxy, LONG);
        assertThat(active.call("x")).isEqualTo("x");
        Heal heal = proxy.blackhole(Direction.UPSTREAM);
        client(proxy, LONG); // held: never connected upstream
        heal.heal();
        proxy.addLatency(Direction.DOWNSTREAM, Duration.ofSeconds(10), Duration.ZERO);
        active.send("in flight\n".getBytes(StandardCharsets.UTF_8));
        await().atMost(LONG).until(() -> echo.received() == "x\nin flight\n".length());
        assertThat(threadsOf(proxy.name())).isGreaterThanOrEqualTo(4 + 1); // the forwarded connection's four, the held one's

        proxy.close();

        await().atMost(LONG).until(() -> threadsOf(proxy.name()) == 0);
        assertThat(proxy.connections()).isZero();
        assertThatThrownBy(() -> new Socket(proxy.address().getAddress(), proxy.address().getPort()).close())
                .isInstanceOf(ConnectException.class);
        proxy.close();
    }

    @Test
    void idleProxiesShareOneAcceptingThreadThatEndsWithTheLast() throws IOException {
        List<LinkProxy> proxies = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            proxies.add(proxy(echo.address()));
        }
        assertThat(proxies).allMatch(p -> threadsOf(p.name()) == 0);
        assertThat(acceptors()).isEqualTo(1);
        assertThat(client(proxies.get(0), LONG).call("first")).isEqualTo("first");
        assertThat(client(proxies.get(499), LONG).call("last")).isEqualTo("last");

        proxies.subList(0, 499).forEach(LinkProxy::close);
        assertThat(client(proxies.get(499), LONG).call("still")).isEqualTo("still");
        assertThat(acceptors()).isEqualTo(1);
        proxies.get(499).close();

        await().atMost(LONG).until(() -> acceptors() == 0);
        assertThat(proxies).allMatch(p -> threadsOf(p.name()) == 0);
        for (LinkProxy closed : List.of(proxies.get(0), proxies.get(250), proxies.get(499))) {
            assertThatThrownBy(() -> new Socket(closed.address().getAddress(), closed.address().getPort()).close())
                    .isInstanceOf(ConnectException.class);
        }
        LinkProxy again = proxy(echo.address());
        assertThat(client(again, LONG).call("again")).isEqualTo("again");
        assertThat(acceptors()).isEqualTo(1);
    }

    @Test
    void proxiesOpenedAndClosedFromManyThreadsAtOnceAllForwardAndLeaveNoThread() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> rounds = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                rounds.add(pool.submit(() -> {
                    int forwarded = 0;
                    for (int i = 0; i < 60; i++) {
                        try (LinkProxy proxy = LinkProxy.open("lp" + NAMES.incrementAndGet(),
                                InetAddress.getLoopbackAddress(), echo.address(), 1);
                                EchoClient client = EchoClient.connect(proxy.address(), LONG)) {
                            forwarded += client.call("n" + i).equals("n" + i) ? 1 : 0;
                        }
                    }
                    return forwarded;
                }));
            }
            for (Future<Integer> round : rounds) {
                assertThat(round.get(60, TimeUnit.SECONDS)).isEqualTo(60);
            }
        } finally {
            pool.shutdownNow();
        }
        await().atMost(LONG).until(() -> acceptors() == 0);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(n -> n.startsWith("mch-link-"));
    }

    private static long acceptors() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().equals(Acceptor.THREAD))
                .count();
    }

    @Test
    void onlyLoopbackAddressesAreAccepted() {
        assertThatThrownBy(() -> LinkProxy.open("outside", InetAddress.getByName("0.0.0.0"), echo.address(), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
