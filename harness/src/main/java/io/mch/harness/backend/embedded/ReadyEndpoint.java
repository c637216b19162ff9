package io.mch.harness.backend.embedded;

/** One ready pod behind a service, as the ingress needs it: which pod, on which node, at which IP. */
record ReadyEndpoint(String pod, String node, String ip) {}
