package io.mch.harness.backend;

import io.mch.harness.runtime.RunContext;
import io.mch.reports.history.Event;

/**
 * What a backend's clusters report while they run, so it lands in the history and on the console.
 * Backends make one from their {@link RunContext}; cluster-level tests use {@link #NONE}.
 */
public interface BackendListener {

    /** A node's Ready condition changed ({@code True}, {@code False}, {@code Unknown}). */
    void nodeStatus(String cluster, String node, String status);

    /** A line of startup progress for the console. */
    void progress(String message);

    BackendListener NONE = new BackendListener() {
        @Override
        public void nodeStatus(String cluster, String node, String status) {}

        @Override
        public void progress(String message) {}
    };

    /** Node status as history events on the run's clock (stamped 0 before its zero), progress on its console. */
    static BackendListener of(RunContext run) {
        return new BackendListener() {
            @Override
            public void nodeStatus(String cluster, String node, String status) {
                run.history().accept(new Event.NodeStatus(run.clock().ms(), cluster, node, status));
            }

            @Override
            public void progress(String message) {
                run.progress(message);
            }
        };
    }
}
