package io.mch.harness.fault;

import io.mch.faults.ClusterControl;
import io.mch.faults.proxy.Links;

/**
 * What a run lets faults act on: the link proxies between endpoints and the backend's control of
 * its clusters' lifecycle. A fault type that needs more gets it here, not by a new parameter on
 * every type.
 */
public record Injectors(Links network, ClusterControl clusters) {}
