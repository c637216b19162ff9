package io.mch.harness.backend.kubeconfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Labels every object the harness creates through a client, at the one place all creations pass:
 * the HTTP request. The workload deployer, the fabric and anything added later create objects
 * with plain fabric8 calls and need not know about ownership; only creations (POST) are stamped,
 * so an existing object mch merely updated is never marked as mch's, and {@code mch heal} never
 * deletes what it did not create.
 */
final class LabelStamp implements Interceptor {

    static final String NAME = "mch-label-stamp";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> labels;

    LabelStamp(String runId) {
        this.labels = Ownership.labels(runId);
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        if (!"POST".equals(request.method()) || !(builder instanceof HttpRequest.Builder post)) {
            return;
        }
        String body = request.bodyString();
        if (body == null || body.isEmpty()) {
            return;
        }
        stamped(body).ifPresent(json -> post.post("application/json", json.getBytes(StandardCharsets.UTF_8)));
    }

    /** The object with the labels added, or empty when the body is no Kubernetes object. */
    Optional<String> stamped(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (!(node instanceof ObjectNode object) || !object.hasNonNull("kind") || !object.hasNonNull("apiVersion")) {
                return Optional.empty();
            }
            ObjectNode metadata = object.get("metadata") instanceof ObjectNode m ? m : object.putObject("metadata");
            ObjectNode existing = metadata.get("labels") instanceof ObjectNode l ? l : metadata.putObject("labels");
            labels.forEach(existing::put);
            return Optional.of(JSON.writeValueAsString(object));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
