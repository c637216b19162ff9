package io.mch.harness.run;

import io.mch.reports.history.Event;

/**
 * Running counts for the progress line, reset on every read: the global clients' probes and the
 * mesh's in-cluster calls, each with where they were last served and the last error.
 */
final class LiveStats {

    private final Window global = new Window("probes", "served by");
    private final Window mesh = new Window("mesh calls", "last served by");

    synchronized void add(Event.Probe probe) {
        if ("global".equals(probe.target())) {
            global.add(probe);
        } else if (probe.target() != null && probe.target().startsWith("mesh:")) {
            mesh.add(probe);
        }
    }

    /** A summary of the window since the last call, e.g. {@code 98/100 probes ok, served by eu-west}. */
    synchronized String drain() {
        if (mesh.total() > 0 && global.total() == 0) {
            return mesh.drain();
        }
        return mesh.total() > 0 ? global.drain() + " | " + mesh.drain() : global.drain();
    }

    private static final class Window {
        private final String what;
        private final String via;
        private int ok;
        private int failed;
        private String lastServedBy;
        private String lastError;

        Window(String what, String via) {
            this.what = what;
            this.via = via;
        }

        void add(Event.Probe probe) {
            if (probe.ok()) {
                ok++;
                lastServedBy = probe.servedBy();
            } else {
                failed++;
                lastError = probe.error();
            }
        }

        int total() {
            return ok + failed;
        }

        String drain() {
            String text = ok + "/" + total() + " " + what + " ok"
                    + (lastServedBy == null ? "" : ", " + via + " " + lastServedBy)
                    + (failed > 0 && lastError != null ? ", last error: " + lastError : "");
            ok = 0;
            failed = 0;
            lastError = null;
            return text;
        }
    }
}
