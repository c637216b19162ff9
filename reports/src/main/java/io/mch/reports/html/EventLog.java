package io.mch.reports.html;

import io.mch.reports.model.Redaction;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.judge.SloText;
import io.mch.reports.judge.Times;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a person follows a run by: its frame, faults and steps, serving changes, node status
 * and what the fabric did (sync status changes, backups, restores, notes, measurements). Free
 * text is redacted.
 */
final class EventLog {

    /** One line of the event log. */
    public record Line(String time, String kind, String text) {}

    private EventLog() {}

    static List<Line> of(History history) {
        List<Line> lines = new ArrayList<>();
        for (Event event : history.events()) {
            String text = text(event);
            if (text != null) {
                lines.add(new Line(Times.seconds(event.tMs()), kind(event), Redaction.clean(text)));
            }
        }
        return lines;
    }

    private static String kind(Event event) {
        if (event instanceof Event.RunStarted || event instanceof Event.RunEnded) {
            return "run";
        }
        if (event instanceof Event.FaultStarted) {
            return "fault";
        }
        if (event instanceof Event.FaultHealed) {
            return "heal";
        }
        if (event instanceof Event.StepStarted) {
            return "step";
        }
        if (event instanceof Event.Serving) {
            return "serving";
        }
        if (event instanceof Event.NodeStatus) {
            return "node";
        }
        if (event instanceof Event.FabricNote e) {
            return e.component();
        }
        if (event instanceof Event.SyncStatus) {
            return "sync";
        }
        if (event instanceof Event.Measured) {
            return "measured";
        }
        return "replication";
    }

    /** The line's text, or null for events the log leaves out (probes, consistency samples). */
    private static String text(Event event) {
        if (event instanceof Event.RunStarted e) {
            return "started " + e.scenario() + " on " + e.backend() + ", probe interval "
                    + SloText.number(e.probeIntervalMs()) + " ms";
        } else if (event instanceof Event.FaultStarted e) {
            return "#" + e.index() + " " + e.fault() + " started" + (e.description() == null ? "" : ": " + e.description());
        } else if (event instanceof Event.FaultHealed e) {
            return "#" + e.index() + " " + e.fault() + " healed";
        } else if (event instanceof Event.StepStarted e) {
            return "#" + e.index() + " " + e.step() + ": " + e.description();
        } else if (event instanceof Event.Serving e) {
            return (e.cluster() == null ? "no cluster" : e.cluster()) + " serves"
                    + (e.reason() == null ? "" : " (" + e.reason() + ")");
        } else if (event instanceof Event.NodeStatus e) {
            return e.cluster() + "/" + e.node() + " " + e.status();
        } else if (event instanceof Event.SyncStatus e) {
            return e.application() + " on " + e.cluster() + ": " + e.status()
                    + (e.detail() == null || e.detail().isEmpty() ? "" : " (" + e.detail() + ")");
        } else if (event instanceof Event.Measured e) {
            return e.name() + " of " + e.subject() + ": " + Times.seconds(Math.round(e.valueMs()))
                    + (e.detail() == null || e.detail().isEmpty() ? "" : " (" + e.detail() + ")");
        } else if (event instanceof Event.FabricNote e) {
            return (e.cluster() == null ? "" : e.cluster() + ": ") + e.message();
        } else if (event instanceof Event.BackupTaken e) {
            return "backup " + e.backup() + " of " + e.cluster() + "/" + e.namespace() + ": " + e.objects() + " objects";
        } else if (event instanceof Event.Restored e) {
            return e.backup() == null
                    ? "no backup to restore into " + e.cluster() + " (" + e.trigger() + ")"
                    : "restored " + e.backup() + " into " + e.cluster() + "/" + e.namespace() + ": " + e.objects()
                            + " objects (" + e.trigger() + ")";
        } else if (event instanceof Event.RunEnded e) {
            return "ended: " + e.reason();
        }
        return null;
    }
}
