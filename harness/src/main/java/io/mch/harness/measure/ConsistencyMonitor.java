package io.mch.harness.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mch.harness.runtime.RunClock;
import io.mch.harness.workload.AnyKind;
import io.mch.reports.history.Event;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Samples config consistency: for every desired object and every cluster it should be on, whether
 * the live object carries the desired spec. An unreachable cluster counts as not matching. What is
 * desired may change during a run (a GitOps commit, a cluster joining the fleet), so it is asked
 * for at every sample.
 */
public final class ConsistencyMonitor {

    private static final List<String> COMPARED = List.of("spec", "data", "stringData", "rules");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Supplier<Map<String, List<HasMetadata>>> desired;
    private final Map<String, KubernetesClient> clusters;
    private final RunClock clock;
    private final Consumer<Event> history;

    /** {@code desired} says, at each sample, which objects each cluster (of {@code clusters}) should hold. */
    public ConsistencyMonitor(Supplier<Map<String, List<HasMetadata>>> desired, Map<String, KubernetesClient> clusters,
            RunClock clock, Consumer<Event> history) {
        this.desired = desired;
        this.clusters = Map.copyOf(clusters);
        this.clock = clock;
        this.history = history;
    }

    /** Takes one sample of every (object, cluster) pair; returns how many pairs matched. */
    public int sample(boolean settled) {
        int matched = 0;
        for (var target : desired.get().entrySet()) {
            KubernetesClient client = clusters.get(target.getKey());
            for (HasMetadata object : target.getValue()) {
                boolean matches = matches(client, object);
                matched += matches ? 1 : 0;
                history.accept(new Event.ConsistencySample(clock.ms(), target.getKey(), key(object), matches, settled));
            }
        }
        return matched;
    }

    private static boolean matches(KubernetesClient client, HasMetadata object) {
        try {
            HasMetadata live = AnyKind.of(client, object).get();
            if (live == null) {
                return false;
            }
            JsonNode liveTree = MAPPER.valueToTree(live);
            JsonNode desiredTree = MAPPER.valueToTree(object);
            return COMPARED.stream().allMatch(f -> SpecMatch.contains(liveTree.get(f), desiredTree.get(f)));
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    /** {@code Kind/namespace/name}, the object's name in the history and the report. */
    public static String key(HasMetadata object) {
        String ns = object.getMetadata().getNamespace();
        return object.getKind() + "/" + (ns == null ? "default" : ns) + "/" + object.getMetadata().getName();
    }
}
