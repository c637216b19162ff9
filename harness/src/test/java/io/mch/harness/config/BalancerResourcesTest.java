package io.mch.harness.config;

import static io.mch.harness.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.mch.harness.config.Topology.GlobalLoadBalancerSpec;
import io.mch.harness.config.Topology.LbPolicy;
import io.mch.harness.config.Topology.Views;
import io.mch.harness.input.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BalancerResourcesTest {

    @TempDir
    Path dir;

    /** The seed document's DNSEndpoint, as written there. */
    static final String SEED_DNS_ENDPOINT = """
            apiVersion: externaldns.k8s.io/v1alpha1
            kind: DNSEndpoint
            metadata:
              name: api-global
            spec:
              endpoints:
              - dnsName: api.example.com
                recordType: A
                targets:
                - 52.1.1.1    # US cluster
                - 35.2.2.2    # EU cluster
                setIdentifier: us-east
                recordTTL: 60
            """;

    private static final String ADDRESSES =
            "    addresses: { us-east: [52.1.1.1], eu-west: [35.2.2.2], ap: [13.3.3.3] }\n";

    @Test
    void theSeedsDnsEndpointPublishesBothClustersForItsSixtySecondTtlWithoutHealthChecks() throws Exception {
        GlobalLoadBalancerSpec glb = load(ADDRESSES, SEED_DNS_ENDPOINT);

        assertThat(glb.dnsTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(glb.policy()).isEqualTo(LbPolicy.ROUND_ROBIN);
        assertThat(glb.views()).isEqualTo(Views.SINGLE);
        assertThat(glb.records().orElseThrow().members()).containsExactly("us-east", "eu-west");
        assertThat(glb.records().orElseThrow().healthChecked()).isFalse();
        assertThat(glb.records().orElseThrow().source())
                .isEqualTo("ExternalDNS DNSEndpoint api-global (res.yaml:1), api.example.com (no health checks)");
    }

    @Test
    void theShippedSeedTopologyRoutesClientsByItsDnsEndpoint() throws Exception {
        GlobalLoadBalancerSpec glb = TopologyLoader.load(TestFiles.checkout()
                .resolve("topology-fixtures/active-active-dns.yaml")).fabric().globalLoadBalancer().orElseThrow();

        assertThat(glb.dnsTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(glb.records().orElseThrow().members()).containsExactly("us-east", "eu-west");
        assertThat(glb.records().orElseThrow().healthChecked()).isFalse();
    }

    @Test
    void weightedRecordSetsAreChosenByTheirProviderSpecificWeight() throws Exception {
        GlobalLoadBalancerSpec glb = load(ADDRESSES, """
                apiVersion: externaldns.k8s.io/v1alpha1
                kind: DNSEndpoint
                metadata: { name: api }
                spec:
                  endpoints:
                  - { dnsName: api.example.com, recordType: A, targets: [52.1.1.1], recordTTL: 30, setIdentifier: us,
                      providerSpecific: [{ name: aws/weight, value: "80" }] }
                  - { dnsName: api.example.com, recordType: A, targets: [35.2.2.2], recordTTL: 30, setIdentifier: eu,
                      providerSpecific: [{ name: aws/weight, value: "20" }] }
                """);

        assertThat(glb.policy()).isEqualTo(LbPolicy.WEIGHTED);
        assertThat(glb.weights()).isEqualTo(Map.of("us-east", 80, "eu-west", 20));
        assertThat(glb.records().orElseThrow().members()).containsExactly("us-east", "eu-west");
    }

    @Test
    void aGslbConfiguresStrategyPrimaryTtlAndServiceWithK8gbsReconcile() throws Exception {
        GlobalLoadBalancerSpec glb = load("", gslb("""
                  strategy: { type: failover, primaryGeoTag: eu-west-1, dnsTtlSeconds: 10, splitBrainThresholdSeconds: 300 }
                """));

        assertThat(glb.policy()).isEqualTo(LbPolicy.FAILOVER);
        assertThat(glb.primary()).contains("eu-west");
        assertThat(glb.dnsTtl()).isEqualTo(Duration.ofSeconds(10));
        assertThat(glb.views()).isEqualTo(Views.PER_CLUSTER);
        assertThat(glb.healthCheck()).isEqualTo(BalancerResources.K8GB_RECONCILE);
        assertThat(glb.records().orElseThrow().service()).isEqualTo("api-server");
        assertThat(glb.records().orElseThrow().healthChecked()).isTrue();
    }

    @Test
    void roundRobinWeightsGeoipAndAResourceRefToAnIngress() throws Exception {
        GlobalLoadBalancerSpec weighted = load("", gslb("""
                  strategy: { type: roundRobin, weight: { us-east: 3, eu-west: 1, ap: 0 } }
                """));
        assertThat(weighted.policy()).isEqualTo(LbPolicy.WEIGHTED);
        assertThat(weighted.weights()).isEqualTo(Map.of("us-east", 3, "eu-west", 1, "ap", 0));
        assertThat(weighted.dnsTtl()).isEqualTo(GslbBinder.DEFAULT_TTL);

        GlobalLoadBalancerSpec geoip = load("", """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: { name: api }
                spec:
                  rules: [{ host: api.example.com, http: { paths: [{ path: /, backend: { service: { name: api-server } } }] } }]
                ---
                apiVersion: k8gb.io/v1beta1
                kind: Gslb
                metadata: { name: api }
                spec:
                  resourceRef: { apiVersion: networking.k8s.io/v1, kind: Ingress, name: api }
                  strategy: { type: geoip }
                """);
        assertThat(geoip.policy()).isEqualTo(LbPolicy.GEOIP);
    }

    @Test
    void topologyFieldsMayRepeatButNotContradictTheResource() throws Exception {
        assertThat(load("    policy: failover\n    dns-ttl: 10s\n    health-check: { interval: 2s }\n", gslb("""
                  strategy: { type: failover, primaryGeoTag: us-east, dnsTtlSeconds: 10 }
                """)).healthCheck().interval()).isEqualTo(Duration.ofSeconds(2));

        assertThat(problems("    policy: round-robin\n", gslb("""
                  strategy: { type: failover, primaryGeoTag: us-east }
                """))).extracting(Problem::toString).singleElement().asString()
                .endsWith("t.yaml:8:13: fabric.global-load-balancer.policy: contradicts k8gb Gslb api (res.yaml:1), host "
                        + "api.example.com, which configures the load balancer (failover); remove it or make it agree");
    }

    @Test
    void everyFieldClassMchDoesNotModelIsRefusedWhereItIsWritten() {
        // A Gslb field k8gb has but mch does not model.
        assertThat(messages("", gslb("""
                  strategy: { type: failover, primaryGeoTag: us-east }
                  fancy: true
                """))).containsExactly("res.yaml:12:10: spec.fancy: not modelled by mch in a Gslb's spec (it reads "
                + "ingress, resourceRef, strategy; without effect: serviceHealthPolicy)");
        // A strategy field used with the wrong strategy, and an unknown strategy.
        assertThat(messages("", gslb("""
                  strategy: { type: roundRobin, primaryGeoTag: us-east }
                """))).containsExactly("res.yaml:11:48: spec.strategy.primaryGeoTag: only used by strategy failover; "
                + "with roundRobin it has no effect");
        assertThat(messages("", gslb("""
                  strategy: { type: consistent }
                """))).containsExactly("res.yaml:11:21: spec.strategy.type: 'consistent' is not one of failover, "
                + "roundRobin, geoip");
        // A geo tag that names no single cluster; weights that leave a cluster out.
        assertThat(messages("", gslb("""
                  strategy: { type: roundRobin, weight: { us-east: 1, eu-west: 1 } }
                """))).containsExactly("res.yaml:11:41: spec.strategy.weight: no weight for ap: give every cluster's "
                + "geo tag one");
        // A label selector in resourceRef.
        assertThat(messages("", """
                apiVersion: k8gb.io/v1beta1
                kind: Gslb
                metadata: { name: api }
                spec:
                  resourceRef: { kind: Ingress, matchLabels: { app: api } }
                  strategy: { type: geoip }
                """)).containsExactly("res.yaml:5:46: spec.resourceRef.matchLabels: not modelled by mch in a Gslb's "
                + "resourceRef (a label selector is not modelled) (it reads kind, name; without effect: apiVersion, namespace)");
        // A DNSEndpoint's provider-specific property, record type, missing TTL and unmapped target.
        assertThat(messages(ADDRESSES, """
                apiVersion: externaldns.k8s.io/v1alpha1
                kind: DNSEndpoint
                metadata: { name: api }
                spec:
                  endpoints:
                  - { dnsName: api.example.com, recordType: A, targets: [52.1.1.1], recordTTL: 30,
                      providerSpecific: [{ name: aws/health-check-id, value: abc }] }
                  - { dnsName: api.example.com, recordType: TXT, targets: [9.9.9.9] }
                """)).containsExactly(
                "res.yaml:7:34: spec.endpoints[0].providerSpecific[0].name: provider-specific 'aws/health-check-id' "
                        + "is not modelled by mch (it reads aws/weight, external-dns.alpha.kubernetes.io/aws-weight)",
                "res.yaml:8:5: spec.endpoints[1].recordTTL: required by mch: without it the TTL is the DNS provider's "
                        + "default, which mch does not know",
                "res.yaml:8:45: spec.endpoints[1].recordType: record type 'TXT' does not route clients; mch models A, "
                        + "AAAA, CNAME",
                "res.yaml:8:60: spec.endpoints[1].targets[0]: target '9.9.9.9' is no cluster's address; map it to its "
                        + "cluster in fabric.global-load-balancer.addresses of the topology");
        // Both resources at once, and a Gslb that balances another Service than the probes call.
        assertThat(messages(ADDRESSES, SEED_DNS_ENDPOINT + "---\n" + gslb("  strategy: { type: geoip }\n")))
                .containsExactly("res.yaml:1:1: k8gb publishes a Gslb's records itself; a DNSEndpoint beside the "
                        + "Gslb at res.yaml:15 is not modelled");
        assertThat(messages("", gslb("  strategy: { type: geoip }\n").replace("name: api-server", "name: web")))
                .containsExactly("res.yaml:1:1: the Gslb balances Service 'web' but the probes call "
                        + "workload.service 'api-server'");
    }

    private static String gslb(String strategy) {
        return """
                apiVersion: k8gb.absa.oss/v1beta1
                kind: Gslb
                metadata: { name: api }
                spec:
                  ingress:
                    ingressClassName: nginx
                    rules:
                    - host: api.example.com
                      http:
                        paths: [{ path: /, pathType: Prefix, backend: { service: { name: api-server, port: { number: 80 } } } }]
                """ + strategy;
    }

    private GlobalLoadBalancerSpec load(String section, String resources) throws Exception {
        return TopologyLoader.load(topology(section, resources)).fabric().globalLoadBalancer().orElseThrow();
    }

    private List<Problem> problems(String section, String resources) {
        return Validation.validate(topology(section, resources));
    }

    /** The problems as {@code file:line:column: path: message}, with the file's name only. */
    private List<String> messages(String section, String resources) {
        return problems(section, resources).stream()
                .map(p -> p.toString().replace(dir + "/", "")).toList();
    }

    private Path topology(String section, String resources) {
        write(dir, "app.yaml", TestFiles.API_SERVER_MANIFEST);
        write(dir, "res.yaml", resources);
        return write(dir, "t.yaml", """
                name: t
                clusters:
                  - { name: us-east, region: us-east-1, role: active }
                  - { name: eu-west, region: eu-west-1, role: passive }
                  - { name: ap, region: ap-southeast-1, role: passive }
                fabric:
                  global-load-balancer:
                """ + (section.isEmpty() ? "    views: " + (resources.contains("Gslb") ? "per-cluster" : "single") + "\n"
                        : section) + """
                workload:
                  manifests: [app.yaml, res.yaml]
                  service: api-server
                """);
    }
}
