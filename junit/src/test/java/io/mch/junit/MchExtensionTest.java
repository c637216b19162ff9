package io.mch.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/**
 * The extension end to end on a real (compressed) scenario run: a breach fails the annotated test
 * with the SLO table, and a test that expects the breach asserts on single SLOs instead.
 */
class MchExtensionTest {

    static final String SCENARIO = "src/test/resources/mch/partition.yaml";

    /** Run only through {@link EngineTestKit} (Surefire skips nested classes). */
    static class Scenarios {

        @MchScenario(value = SCENARIO, timeScale = 4)
        void failsOnTheBreach() {}

        @MchScenario(value = SCENARIO, timeScale = 4, failOnBreach = false)
        void assertsTheBreach(MchRun run) {
            run.slo("availability").failed().valueAtMost(99.99);
            run.slo("failover-time").passed().valueAtMost(60_000);
        }

        @MchScenario(value = "src/test/resources/mch/absent.yaml", failOnBreach = false)
        void badInputFails(MchRun run) {}
    }

    @Test
    void aBreachFailsWithTheTableAndAnExpectedBreachIsAsserted() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(Scenarios.class)).execute().testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test("failsOnTheBreach"), finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message(m -> m.contains("mch scenario junit-partition: verdict FAIL")
                                && m.contains("availability") && m.contains("VERDICT")))))
                .haveExactly(1, event(test("assertsTheBreach"), finishedSuccessfully()))
                .haveExactly(1, event(test("badInputFails"), finishedWithFailure(
                        message(m -> m.contains("exited 2") && m.contains("nothing was run")))));

        Path dir = Path.of("target/mch/partition");
        assertThat(dir.resolve("run.json")).exists();
        assertThat(dir.resolve("junit.xml")).exists();
        assertThat(Files.isRegularFile(dir.resolve("report.html"))).isTrue();
    }
}
