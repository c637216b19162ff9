package io.mch.harness.run;

import io.mch.harness.runtime.RunClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mch.faults.Heal;
import io.mch.faults.Nemesis;
import io.mch.faults.spec.FaultSpec;
import io.mch.faults.spec.ScheduledFault;
import io.mch.reports.history.Event;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class FaultRunnerTest {

    private final List<String> actions = new CopyOnWriteArrayList<>();
    private final List<Event> history = new CopyOnWriteArrayList<>();

    private final Nemesis recording = new Nemesis() {
        @Override
        public boolean handles(FaultSpec spec) {
            return spec instanceof FaultSpec.ClusterLoss;
        }

        @Override
        public Heal inject(FaultSpec spec) {
            String cluster = ((FaultSpec.ClusterLoss) spec).cluster();
            actions.add("inject " + cluster);
            return Heal.once(() -> actions.add("heal " + cluster));
        }
    };

    @Test
    void injectsOnScheduleHealsAtTheEndOfItsWindowAndRecordsBoth() {
        try (FaultRunner runner = new FaultRunner(recording, RunClock.startingNow(), history::add)) {
            runner.schedule(List.of(fault(0, 50, Optional.of(100L), "a")), Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(5)).until(() -> actions.contains("heal a"));
        }
        assertThat(actions).containsExactly("inject a", "heal a");
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).isInstanceOfSatisfying(Event.FaultStarted.class, f -> {
            assertThat(f.between()).containsExactly("a");
            assertThat(f.and()).isEmpty();
        });
        assertThat(history.get(1)).isInstanceOfSatisfying(Event.FaultHealed.class,
                h -> assertThat(h.fault()).isEqualTo("cluster-loss"));
        assertThat(history.get(1).tMs()).isGreaterThanOrEqualTo(history.get(0).tMs() + 100);
    }

    @Test
    void healAllHealsWhatIsActiveNewestFirstAndNothingIsInjectedAfterwards() {
        FaultRunner runner = new FaultRunner(recording, RunClock.startingNow(), history::add);
        runner.schedule(List.of(fault(0, 0, Optional.empty(), "a"), fault(1, 20, Optional.empty(), "b"),
                fault(2, 60_000, Optional.empty(), "late")), Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(5)).until(() -> runner.activeFaults().size() == 2);

        runner.healAll();

        assertThat(actions).containsExactly("inject a", "inject b", "heal b", "heal a");
        assertThat(runner.activeFaults()).isEmpty();
    }

    @Test
    void aFaultThatCannotBeInjectedIsReportedAsAnError() {
        Nemesis broken = new Nemesis() {
            @Override
            public boolean handles(FaultSpec spec) {
                return true;
            }

            @Override
            public Heal inject(FaultSpec spec) {
                throw new IllegalStateException("no such node");
            }
        };
        try (FaultRunner runner = new FaultRunner(broken, RunClock.startingNow(), history::add)) {
            runner.schedule(List.of(fault(3, 0, Optional.empty(), "x")), Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(5)).until(() -> !runner.errors().isEmpty());
            assertThat(runner.errors().get(0)).contains("faults[3]").contains("no such node");
        }
    }

    private static ScheduledFault fault(int index, long atMs, Optional<Long> forMs, String cluster) {
        return new ScheduledFault(index, Duration.ofMillis(atMs), forMs.map(Duration::ofMillis),
                new FaultSpec.ClusterLoss(cluster));
    }
}
