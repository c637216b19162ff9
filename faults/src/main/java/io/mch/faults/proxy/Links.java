package io.mch.faults.proxy;

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
}
