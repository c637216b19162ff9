package io.mch.harness.backend.embedded;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Pod status the way the kubelet and the node controller read and write it, shared so that both
 * agree on what "ready" means (the Ready condition, which endpoints follow).
 */
final class Pods {

    private Pods() {}

    static boolean ready(Pod pod) {
        PodStatus status = pod.getStatus();
        return status != null
                && status.getConditions() != null
                && status.getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    static boolean running(Pod pod) {
        return pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
    }

    static String nodeName(Pod pod) {
        return pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    }

    /** Sets the Ready and ContainersReady conditions, keeping the others. */
    static void setReady(Pod pod, boolean ready, String reason) {
        PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        List<PodCondition> conditions =
                new ArrayList<>(status.getConditions() == null ? List.of() : status.getConditions());
        conditions.removeIf(c -> "Ready".equals(c.getType()) || "ContainersReady".equals(c.getType()));
        String value = ready ? "True" : "False";
        String now = timestamp();
        conditions.add(condition("ContainersReady", value, reason, now));
        conditions.add(condition("Ready", value, reason, now));
        status.setConditions(conditions);
        pod.setStatus(status);
    }

    static PodCondition condition(String type, String status, String reason, String now) {
        return new PodConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withLastTransitionTime(now)
                .build();
    }

    /** RFC 3339 at second precision, as the API server writes condition times. */
    static String timestamp() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
