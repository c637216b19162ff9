package io.mch.reports.judge;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.RunRecord.FaultWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * Pairs each recorded fault start with its heal. The failover checker and the report's timeline
 * must agree on when a fault was active, so both take the windows from here.
 */
public final class FaultWindows {

    private FaultWindows() {}

    /**
     * The faults of a history in start order. A start is healed by the first not yet used heal of
     * the same index at or after it; without one the fault lasted to the end of the run and its
     * {@code endMs} is null.
     */
    public static List<FaultWindow> of(History history) {
        List<Event.FaultHealed> heals = new ArrayList<>(history.of(Event.FaultHealed.class).toList());
        List<FaultWindow> windows = new ArrayList<>();
        for (Event.FaultStarted start : history.of(Event.FaultStarted.class).toList()) {
            Long end = null;
            for (int i = 0; i < heals.size(); i++) {
                Event.FaultHealed heal = heals.get(i);
                if (heal.index() == start.index() && heal.tMs() >= start.tMs()) {
                    end = heal.tMs();
                    heals.remove(i);
                    break;
                }
            }
            windows.add(new FaultWindow(start.fault(), start.tMs(), end, start.index(), start.description()));
        }
        return List.copyOf(windows);
    }
}
