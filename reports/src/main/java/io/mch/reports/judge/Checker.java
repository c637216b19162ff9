package io.mch.reports.judge;

import io.mch.reports.history.History;
import io.mch.reports.model.SloResult;

/**
 * Judges one SLO from the recorded history alone, never from what the harness meant to do, so a
 * verdict can be recomputed from {@code history.jsonl} and tested on hand-built histories.
 * Implementations are pure: same history, same result.
 */
public interface Checker {

    /** The SLO judged, with its target, so even a checker that crashed shows what it was meant to judge. */
    Slo slo();

    SloResult check(History history);

    /** The SLO's name as in scenario files and {@code run.json} ({@code failover-time}, ...). */
    default String name() {
        return slo().name();
    }
}
