package io.mch.harness.run;

import io.mch.reports.history.Event;

/** Running counts of global probes for the progress line; reset on every read. */
final class LiveStats {

    private int ok;
    private int failed;
    private String lastServedBy;
    private String lastError;

    synchronized void add(Event.Probe probe) {
        if (!"global".equals(probe.target())) {
            return;
        }
        if (probe.ok()) {
            ok++;
            lastServedBy = probe.servedBy();
        } else {
            failed++;
            lastError = probe.error();
        }
    }

    /** A summary of the window since the last call, e.g. {@code 98/100 ok via eu-west}. */
    synchronized String drain() {
        String text = ok + "/" + (ok + failed) + " probes ok"
                + (lastServedBy == null ? "" : ", served by " + lastServedBy)
                + (failed > 0 && lastError != null ? ", last error: " + lastError : "");
        ok = 0;
        failed = 0;
        lastError = null;
        return text;
    }
}
