package io.mch.harness.backend;

/** What a backend reports while it runs, so it lands in the history and on the console. */
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
}
