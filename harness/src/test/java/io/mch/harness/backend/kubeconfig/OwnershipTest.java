package io.mch.harness.backend.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Run ids must be label values, whatever the run directory is called. */
class OwnershipTest {

    @Test
    void aRunDirectoryNameBecomesAValidLabelValueKeepingItsEnd() {
        assertThat(Ownership.labelValue("active-passive-node-loss-20261124-101500"))
                .isEqualTo("active-passive-node-loss-20261124-101500");
        assertThat(Ownership.labelValue("My Run:1")).isEqualTo("my-run-1");
        String long64 = "x".repeat(40) + "-20261124-101500-" + "y".repeat(10);
        assertThat(Ownership.labelValue(long64)).hasSize(63).endsWith("-20261124-101500-yyyyyyyyyy")
                .matches("[a-z0-9]([a-z0-9._-]*[a-z0-9])?");
        assertThatThrownBy(() -> Ownership.labelValue("--")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyKubernetesObjectsAreStampedAndTheirOwnLabelsAreKept() {
        LabelStamp stamp = new LabelStamp("run-7");

        assertThat(stamp.stamped("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\","
                + "\"labels\":{\"app\":\"x\"}}}"))
                .hasValueSatisfying(json -> assertThat(json)
                        .contains("\"app\":\"x\"")
                        .contains("\"app.kubernetes.io/managed-by\":\"mch\"")
                        .contains("\"mch.io/run\":\"run-7\""));
        assertThat(stamp.stamped("{\"spec\":{}}")).isEmpty();
        assertThat(stamp.stamped("not json")).isEmpty();
    }
}
