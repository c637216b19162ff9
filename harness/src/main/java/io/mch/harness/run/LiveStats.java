package io.mch.harness.run;

import io.mch.reports.history.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Running counts for the progress line: the global clients' probes and the mesh's in-cluster
 * calls since the last read, each with where they were last served and the last error, and the
 * GitOps controller's current status of its (application, cluster) pairs.
 */
final class LiveStats {

    private final Window global = new Window("probes", "served by");
    private final Window mesh = new Window("mesh calls", "last served by");
    private final Map<String, String> sync = new HashMap<>();

    /** Takes what the progress line counts from the run's events; ignores the rest. */
    void see(Event event) {
        if (event instanceof Event.Probe probe) {
            add(probe);
        } else if (event instanceof Event.SyncStatus status) {
            add(status);
        }
    }

    private synchronized void add(Event.SyncStatus status) {
        sync.put(status.application() + "@" + status.cluster(), status.status());
    }

    private synchronized void add(Event.Probe probe) {
        if ("global".equals(probe.target())) {
            global.add(probe);
        } else if (probe.target() != null && probe.target().startsWith("mesh:")) {
            mesh.add(probe);
        }
    }

    /** A summary of the window since the last call, e.g. {@code 98/100 probes ok, served by eu-west}. */
    synchronized String drain() {
        List<String> parts = new ArrayList<>();
        if (global.total() > 0 || (mesh.total() == 0 && sync.isEmpty())) {
            parts.add(global.drain());
        }
        if (mesh.total() > 0) {
            parts.add(mesh.drain());
        }
        if (!sync.isEmpty()) {
            Map<String, Long> counts = new TreeMap<>();
            sync.values().forEach(s -> counts.merge(s, 1L, Long::sum));
            parts.add("sync: " + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", ")));
        }
        return String.join(" | ", parts);
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
