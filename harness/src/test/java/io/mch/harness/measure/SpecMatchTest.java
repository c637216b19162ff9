package io.mch.harness.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SpecMatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fieldsTheLiveObjectAddsAreIgnored() throws Exception {
        assertThat(SpecMatch.contains(tree("{\"replicas\":3,\"paused\":false}"), tree("{\"replicas\":3}"))).isTrue();
    }

    @Test
    void aChangedOrMissingDesiredFieldIsADifference() throws Exception {
        assertThat(SpecMatch.contains(tree("{\"replicas\":2}"), tree("{\"replicas\":3}"))).isFalse();
        assertThat(SpecMatch.contains(tree("{}"), tree("{\"replicas\":3}"))).isFalse();
        assertThat(SpecMatch.contains(null, tree("{\"replicas\":3}"))).isFalse();
    }

    @Test
    void listsMustHaveTheSameLengthAndMatchElementWise() throws Exception {
        JsonNode desired = tree("{\"ports\":[{\"port\":80}]}");
        assertThat(SpecMatch.contains(tree("{\"ports\":[{\"port\":80,\"protocol\":\"TCP\"}]}"), desired)).isTrue();
        assertThat(SpecMatch.contains(tree("{\"ports\":[{\"port\":80},{\"port\":81}]}"), desired)).isFalse();
    }

    private static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json);
    }
}
