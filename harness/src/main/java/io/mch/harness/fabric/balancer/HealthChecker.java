package io.mch.harness.fabric.balancer;

import io.mch.harness.traffic.Http;
import java.net.InetSocketAddress;

/**
 * One cluster's health as the load balancer sees it through the network: unhealthy after
 * {@code failureThreshold} consecutive failed checks, healthy again after one good check
 * (k8gb's behaviour for its cluster health probes).
 */
final class HealthChecker {

    private final String cluster;
    private final InetSocketAddress address;
    private final String path;
    private final int failureThreshold;
    private int consecutiveFailures;
    private volatile boolean healthy = true;

    HealthChecker(String cluster, InetSocketAddress address, String service, int failureThreshold) {
        this.cluster = cluster;
        this.address = address;
        this.path = "/healthz/" + service;
        this.failureThreshold = failureThreshold;
    }

    String cluster() {
        return cluster;
    }

    boolean healthy() {
        return healthy;
    }

    /** Runs one check; returns true when the cluster's health changed. */
    synchronized boolean check(Http http) {
        boolean ok;
        try {
            ok = http.get(address, path).ok();
        } catch (Exception e) {
            ok = false;
        }
        boolean before = healthy;
        if (ok) {
            consecutiveFailures = 0;
            healthy = true;
        } else if (++consecutiveFailures >= failureThreshold) {
            healthy = false;
        }
        return before != healthy;
    }
}
