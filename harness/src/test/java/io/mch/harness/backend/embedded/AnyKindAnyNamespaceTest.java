package io.mch.harness.backend.embedded;

import static io.mch.harness.backend.embedded.TestFleets.fastTimings;
import static io.mch.harness.backend.embedded.TestFleets.get;
import static io.mch.harness.backend.embedded.TestFleets.topology;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mch.harness.backend.Cluster;
import io.mch.harness.backend.Fleet;
import io.mch.harness.measure.ConsistencyMonitor;
import io.mch.harness.runtime.RunClock;
import io.mch.harness.workload.AnyKind;
import io.mch.harness.workload.Workloads;
import io.mch.reports.history.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workload in its own namespace, with custom resources beside it (the seed's DNSEndpoint without
 * its CRD, a k8gb Gslb with its CRD), on a real embedded cluster: applied, served, and judged
 * consistent like any object.
 */
class AnyKindAnyNamespaceTest {

    private static final String PRODUCTION = """
            apiVersion: v1
            kind: Namespace
            metadata: { name: production }
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: shop, namespace: production }
            spec:
              replicas: 2
              selector: { matchLabels: { app: shop } }
              template:
                metadata: { labels: { app: shop } }
                spec: { containers: [ { name: shop, image: shop:1, ports: [ { containerPort: 8080 } ] } ] }
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: shop, namespace: production }
            spec: { selector: { app: shop }, ports: [ { port: 80, targetPort: 8080 } ] }
            ---
            apiVersion: externaldns.k8s.io/v1alpha1
            kind: DNSEndpoint
            metadata: { name: api-global }
            spec:
              endpoints:
                - { dnsName: api.example.com, recordType: A, targets: [52.1.1.1], recordTTL: 60 }
            ---
            apiVersion: k8gb.absa.oss/v1beta1
            kind: Gslb
            metadata: { name: shop, namespace: production }
            spec: { strategy: { type: failover, primaryGeoTag: us-east-1 } }
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: { name: gslbs.k8gb.absa.oss }
            spec:
              group: k8gb.absa.oss
              scope: Namespaced
              names: { kind: Gslb, plural: gslbs, singular: gslb, listKind: GslbList }
              versions: [ { name: v1beta1, served: true, storage: true, schema: { openAPIV3Schema: { type: object } } } ]
            """;

    @Test
    void aWorkloadInProductionWithCustomResourcesRunsAndStaysConsistent(@TempDir Path dir) throws Exception {
        Path manifest = dir.resolve("shop.yaml");
        Files.writeString(manifest, PRODUCTION);
        var backend = new EmbeddedBackend().withTimings(fastTimings(Duration.ofSeconds(10)));
        try (Fleet fleet = backend.start(topology(Duration.ofSeconds(2), Duration.ofSeconds(2), "east"),
                new TestFleets.RecordingRun().context)) {
            Cluster east = fleet.cluster("east");
            KubernetesClient client = east.client();
            Workloads.apply(client, List.of(manifest));
            List<HasMetadata> desired = Workloads.read(client, List.of(manifest));

            String namespace = Workloads.serviceNamespace(desired, "shop");
            assertThat(namespace).isEqualTo("production");
            Workloads.awaitReady(client, namespace, "shop", Duration.ofSeconds(20));
            assertThat(get(east.ingress(), "/shop/x", Duration.ofSeconds(2)).statusCode()).isEqualTo(200);

            HasMetadata dnsEndpoint = desired.stream().filter(o -> o.getKind().equals("DNSEndpoint")).findFirst().orElseThrow();
            assertThat(dnsEndpoint.getMetadata().getNamespace()).isEqualTo("default");
            GenericKubernetesResource live = (GenericKubernetesResource) AnyKind.of(client, dnsEndpoint).get();
            assertThat((List<?>) live.get("spec", "endpoints")).hasSize(1);
            assertThat(AnyKind.definition(client, "k8gb.absa.oss/v1beta1", "Gslb").getPlural()).isEqualTo("gslbs");
            assertThat(AnyKind.defined(client)).extracting(d -> d.getKind()).containsExactly("Gslb");

            List<Event> history = new ArrayList<>();
            var monitor = new ConsistencyMonitor(() -> Map.of("east", desired), Map.of("east", client),
                    RunClock.startingNow(), history::add);
            assertThat(monitor.sample(true)).isEqualTo(desired.size());
            assertThat(history).extracting(e -> ((Event.ConsistencySample) e).object())
                    .contains("DNSEndpoint/default/api-global", "Gslb/production/shop");
        }
    }
}
