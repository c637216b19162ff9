package io.mch.harness.backend.k3s;

/**
 * The k3s backend cannot run here (no Docker engine, or no k3s image): raised before anything is
 * started, with one message that says what to do, so the command line can print it as it is.
 */
public final class K3sUnavailableException extends RuntimeException {

    K3sUnavailableException(String message) {
        super(message);
    }
}
