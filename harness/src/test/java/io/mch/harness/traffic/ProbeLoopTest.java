package io.mch.harness.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mch.harness.runtime.RunClock;
import io.mch.reports.history.Event;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No probe outlives the run: its timeout is capped by what remains of it, and a probe the end
 * cuts short is neither a failure nor a success of the system.
 */
class ProbeLoopTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final ProbeCounts counts = new ProbeCounts();
    private final List<Event.Probe> recorded = new CopyOnWriteArrayList<>();
    private final List<Duration> timeouts = new CopyOnWriteArrayList<>();
    /** Never counted down: a service that does not answer. */
    private final CountDownLatch answer = new CountDownLatch(1);

    @AfterEach
    void stop() {
        ticker.shutdownNow();
        workers.shutdownNow();
    }

    @Test
    void theTimeoutIsTheProbesOwnOrWhatRemainsOfTheRunWhicheverIsShorter() {
        long now = System.nanoTime();
        assertThat(lag(now + TIMEOUT.toNanos() * 3).timeoutNanos(now)).isEqualTo(TIMEOUT.toNanos());
        assertThat(lag(now + 300_000_000L).timeoutNanos(now)).isEqualTo(300_000_000L);
        assertThat(lag(now - 1).timeoutNanos(now)).isNegative();
    }

    @Test
    void aProbeSentNearTheEndWaitsOnlyUntilTheEndAndIsCutNotFailed() {
        long end = System.nanoTime() + Duration.ofMillis(300).toNanos();
        loop(end).start(ticker, workers, 0);

        await("the probe to give up").atMost(Duration.ofSeconds(5)).until(() -> timeouts.size() == 1 && done());

        assertThat(timeouts.get(0)).isPositive().isLessThanOrEqualTo(Duration.ofMillis(300));
        assertThat(System.nanoTime() - end).as("the probe ended within a moment of the end")
                .isLessThan(TIMEOUT.toNanos());
        assertThat(recorded).as("cut by the end, not the system's failure").isEmpty();
        assertThat(counts.close(0, 100, 1).cut()).isEqualTo(1);
    }

    @Test
    void aProbeWithTimeToSpareKeepsItsOwnTimeoutAndIsRecorded() {
        ProbeLoop loop = new ProbeLoop("a", "b", Duration.ofMinutes(1), timeout -> {
            timeouts.add(timeout);
            return "b";
        }, RunClock.startingNow(), recorded::add, lag(System.nanoTime() + Duration.ofMinutes(10).toNanos()));
        loop.start(ticker, workers, 0);

        await().atMost(Duration.ofSeconds(5)).until(() -> recorded.size() == 1);

        assertThat(timeouts).containsExactly(TIMEOUT);
        assertThat(recorded.get(0).ok()).isTrue();
    }

    @Test
    void aProbePickedUpAfterTheEndIsNotSent() {
        loop(System.nanoTime() - 1).start(ticker, workers, 0);

        await().atMost(Duration.ofSeconds(5)).until(() -> done());

        assertThat(timeouts).isEmpty();
        assertThat(recorded).isEmpty();
    }

    /** One probe (the interval outlasts the test) to a service that never answers. */
    private ProbeLoop loop(long endNanos) {
        return new ProbeLoop("a", "b", Duration.ofMinutes(1), timeout -> {
            timeouts.add(timeout);
            if (!answer.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new SocketTimeoutException("Read timed out");
            }
            return "b";
        }, RunClock.startingNow(), recorded::add, lag(endNanos));
    }

    private ProbeLoop.Lag lag(long endNanos) {
        return new ProbeLoop.Lag(Duration.ofSeconds(1).toNanos(), TIMEOUT.toNanos(), counts, missed -> {}, () -> endNanos);
    }

    /** The one probe's worker has finished. */
    private boolean done() {
        return ((ThreadPoolExecutor) workers).getCompletedTaskCount() == 1;
    }
}
