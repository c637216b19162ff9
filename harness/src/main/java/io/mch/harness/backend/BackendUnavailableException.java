package io.mch.harness.backend;

/** The chosen backend cannot run here (no engine, no image, an unreachable cluster); nothing was started. */
public final class BackendUnavailableException extends Exception {

    public BackendUnavailableException(String message) {
        super(message);
    }
}
