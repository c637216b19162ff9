package io.mch.harness.run;

import io.mch.reports.model.RunRecord;
import io.mch.reports.model.Verdict;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a run produced: its record, where its files are, and the harness failure if there was one
 * (a failed harness is not a failed SLO: exit code 3, not 1).
 */
public record RunOutcome(RunRecord record, Path dir, Optional<String> failure) {

    /** The command line's exit code: 0 every SLO passed, 1 an SLO failed or is UNKNOWN, 3 harness failure. */
    public int exitCode() {
        if (failure.isPresent()) {
            return 3;
        }
        return record.verdict() == Verdict.PASS ? 0 : 1;
    }
}
