package io.mch.harness.explore;

import io.mch.faults.spec.ScheduledFault;
import io.mch.harness.runtime.Console;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Runs generated schedules one after another until one breaks an SLO or the tries are spent. It
 * stops at the first breach on purpose: shrinking that one is worth more than finding a second.
 */
public final class Search {

    private final Generator generator;
    private final Trials trials;
    private final Console console;

    /** What a search found: the breaking try, if any, and how much it explored. */
    public record Result(Optional<Breach> breach, int tries, int faultsInjected, long scenarioMs) {

        /** The console's verdict on a search. */
        public String summary() {
            return breach.map(b -> "try " + b.attempt() + " broke " + b.slo())
                    .orElse("no breach found in " + tries + " tries (" + faultsInjected + " faults injected, "
                            + Math.round(scenarioMs / 1000.0) + " s of scenario time)");
        }
    }

    /** The first breaking try: its number (from 1), the SLO it broke, and its run. */
    public record Breach(int attempt, String slo, Trials.Trial trial) {}

    public Search(Generator generator, Trials trials, Console console) {
        this.generator = generator;
        this.trials = trials;
        this.console = console;
    }

    public Result run(int tries) throws IOException {
        for (int n = 0; n < tries; n++) {
            List<ScheduledFault> schedule = generator.schedule(n);
            Trials.Trial trial = trials.run(String.format("try-%03d", n + 1), schedule);
            Optional<String> broken = trial.breach();
            console.progress(String.format("try %d/%d %s: %s", n + 1, tries,
                    Schedules.describe(schedule, trials.scenario().duration()),
                    trial.outcome().failure().map(f -> "harness failed: " + f)
                            .orElse(broken.map(s -> "BROKE " + s).orElse("all SLOs held"))));
            if (broken.isPresent()) {
                return new Result(Optional.of(new Breach(n + 1, broken.get(), trial)), n + 1,
                        trials.faultsInjected(), trials.scenarioMs());
            }
        }
        return new Result(Optional.empty(), tries, trials.faultsInjected(), trials.scenarioMs());
    }
}
