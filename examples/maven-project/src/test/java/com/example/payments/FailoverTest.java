package com.example.payments;

import io.mch.junit.MchRun;
import io.mch.junit.MchScenario;
import java.time.Duration;

/** Resilience checks next to the team's other tests: each method runs one mch scenario. */
class FailoverTest {

    /** Fails with the SLO table if any SLO of the scenario is breached; then asserts finer points. */
    @MchScenario("src/test/mch/junit/cluster-loss.yaml")
    void losingUsEastFailsOverWithinHalfAMinute(MchRun run) {
        run.slo("failover-time").passed().valueAtMost(30_000);
        run.slo("availability").passed();
        run.measurement("convergence").atMost(Duration.ofSeconds(30));
    }
}
