package io.mch.harness.backend.embedded;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * One pass of the simulated controllers of a cluster, in the order a pod goes through them:
 * deployments create pods, the scheduler binds them, the pod runtime starts them, the endpoints
 * controller publishes the ready ones. The pass shares one list of the pods ({@link PassPods}).
 */
record ControllerPass(KubernetesClient client, DeploymentController deployments, Scheduler scheduler,
        PodRuntime podRuntime, EndpointsController endpoints) {

    void run() {
        PassPods pods = new PassPods(client);
        deployments.reconcile(pods);
        scheduler.reconcile(pods);
        podRuntime.reconcile(pods);
        endpoints.reconcile(pods);
    }
}
