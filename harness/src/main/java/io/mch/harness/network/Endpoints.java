package io.mch.harness.network;

/** The endpoint names that are not clusters, as scenario files spell them. */
public final class Endpoints {

    public static final String CLIENTS = "clients";
    public static final String GLOBAL_LOAD_BALANCER = "global-load-balancer";

    private Endpoints() {}
}
