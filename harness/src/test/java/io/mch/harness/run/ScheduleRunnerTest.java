package io.mch.harness.run;

import io.mch.harness.fabric.Fabric;
import io.mch.harness.config.Step;
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

class ScheduleRunnerTest {

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
        try (ScheduleRunner runner = new ScheduleRunner(recording, List.of(), RunClock.startingNow(), history::add)) {
            runner.schedule(List.of(fault(0, 50, Optional.of(100L), "a")), List.of(), Duration.ofSeconds(10));
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
        ScheduleRunner runner = new ScheduleRunner(recording, List.of(), RunClock.startingNow(), history::add);
        runner.schedule(List.of(fault(0, 0, Optional.empty(), "a"), fault(1, 20, Optional.empty(), "b"),
                fault(2, 60_000, Optional.empty(), "late")), List.of(), Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(5)).until(() -> runner.activeFaults().size() == 2);

        runner.healAll();

        assertThat(actions).containsExactly("inject a", "inject b", "heal b", "heal a");
        assertThat(runner.activeFaults()).isEmpty();
        assertThat(runner.errors()).as("a fault the run ended before is cut, not lost").isEmpty();
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
        try (ScheduleRunner runner = new ScheduleRunner(broken, List.of(), RunClock.startingNow(), history::add)) {
            runner.schedule(List.of(fault(3, 0, Optional.empty(), "x")), List.of(), Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(5)).until(() -> !runner.errors().isEmpty());
            assertThat(runner.errors().get(0)).contains("faults[3]").contains("no such node");
        }
    }

    @Test
    void aStepIsRecordedAsStartedAndDone() {
        List<String> performed = new CopyOnWriteArrayList<>();
        Fabric part = new Fabric() {
            @Override
            public boolean perform(Step.Scheduled step) {
                performed.add(step.step().kind());
                return true;
            }

            @Override
            public void close() {}
        };
        try (ScheduleRunner runner = new ScheduleRunner(recording, List.of(part), RunClock.startingNow(), history::add)) {
            runner.schedule(List.of(), List.of(step(0, 0)), Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(5)).until(() -> history.size() == 2);
            assertThat(runner.errors()).isEmpty();
        }
        assertThat(performed).containsExactly("connect");
        assertThat(history.get(0)).isInstanceOf(Event.StepStarted.class);
        assertThat(history.get(1)).isInstanceOfSatisfying(Event.StepEnded.class, e -> assertThat(e.done()).isTrue());
    }

    /** A step that dies of an Error (memory exhausted by a hostile patch) must not vanish from the history. */
    @Test
    void aStepThatDiesOfAnErrorIsRecordedAsFailedAndFailsTheRun() {
        Fabric dying = new Fabric() {
            @Override
            public boolean perform(Step.Scheduled step) {
                throw new OutOfMemoryError("Java heap space");
            }

            @Override
            public void close() {}
        };
        try (ScheduleRunner runner = new ScheduleRunner(recording, List.of(dying), RunClock.startingNow(), history::add)) {
            runner.schedule(List.of(), List.of(step(4, 0)), Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(5)).until(() -> !runner.errors().isEmpty());
            assertThat(runner.errors().get(0)).contains("steps[4] (connect)").contains("Java heap space");
        }
        assertThat(history).hasSize(2);
        assertThat(history.get(1)).isInstanceOfSatisfying(Event.StepEnded.class, e -> {
            assertThat(e.done()).isFalse();
            assertThat(e.detail()).contains("Java heap space");
        });
    }

    @Test
    void aStepNoPartCarriesOutFailsTheRun() {
        try (ScheduleRunner runner = new ScheduleRunner(recording, List.of(), RunClock.startingNow(), history::add)) {
            runner.schedule(List.of(), List.of(step(1, 0)), Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(5)).until(() -> !runner.errors().isEmpty());
            assertThat(runner.errors().get(0)).contains("steps[1] (connect)").contains("no part");
        }
    }

    private static Step.Scheduled step(int index, long atMs) {
        return new Step.Scheduled(index, Duration.ofMillis(atMs), new Step.Connect("c2"));
    }

    private static ScheduledFault fault(int index, long atMs, Optional<Long> forMs, String cluster) {
        return new ScheduledFault(index, Duration.ofMillis(atMs), forMs.map(Duration::ofMillis),
                new FaultSpec.ClusterLoss(cluster));
    }
}
