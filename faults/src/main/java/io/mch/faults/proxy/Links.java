package io.mch.faults.proxy;

import io.mch.faults.Heal;
import java.util.List;

/**
 * The directed network paths of a run, by endpoint name (a cluster name, {@code clients} or
 * {@code global-load-balancer}). A link from A to B carries requests from A and B's responses.
 */
public interface Links {

    /** All links whose client side is {@code from} and server side is {@code to} (maybe none). */
    List<LinkProxy> between(String from, String to);

    /** Every endpoint name that links know about. */
    List<String> endpoints();

    /** Told of each link opened after it subscribed. */
    @FunctionalInterface
    interface Listener {
        void opened(String from, String to, LinkProxy link);
    }

    /**
     * Tells {@code listener} of every link opened from now on, until the returned heal is run, so
     * a fault also reaches paths that open while it is active (a controller connecting to a
     * cluster that joined during a partition). Links that never open more do nothing.
     */
    default Heal whenOpened(Listener listener) {
        return () -> {};
    }
}
