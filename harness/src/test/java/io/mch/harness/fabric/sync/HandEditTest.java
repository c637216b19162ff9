package io.mch.harness.fabric.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class HandEditTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void mergesAsJsonMergePatchDoes() throws Exception {
        ObjectNode target = (ObjectNode) MAPPER.readTree("""
                {"data": {"color": "blue", "size": "m"}, "metadata": {"name": "x"}, "list": [1, 2]}""");

        HandEdit.merge(target, MAPPER.readTree("""
                {"data": {"color": "red", "size": null}, "list": [3], "spec": {"replicas": 2, "gone": null}}"""));

        assertThat(target).isEqualTo(MAPPER.readTree("""
                {"data": {"color": "red"}, "metadata": {"name": "x"}, "list": [3], "spec": {"replicas": 2}}"""));
    }
}
