package io.mch.harness.config;

import static io.mch.harness.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.mch.harness.input.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Gslb or DNSEndpoint that GitOps would deliver is refused at the resource in the repository:
 * mch's load balancer reads them only among the workload manifests, so synced they would be
 * applied and route nothing.
 */
class DeliveredBalancerResourcesTest {

    @TempDir
    Path dir;

    private static final String DNS_ENDPOINT = """
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: c }
            ---
            apiVersion: externaldns.k8s.io/v1alpha1
            kind: DNSEndpoint
            metadata: { name: api-global }
            spec:
              endpoints: [{ dnsName: api.example.com, recordType: A, targets: [52.1.1.1], recordTTL: 60 }]
            """;

    private Path topology(String applications) {
        write(dir, "gitops/applications.yaml", applications);
        return write(dir, "t.yaml", """
                name: t
                clusters:
                  - { name: hub, region: r1, role: hub }
                  - { name: us-east, region: r1, role: spoke, labels: { env: production } }
                fabric:
                  sync: { hub: hub, repository: repo, applications: [gitops/applications.yaml] }
                """);
    }

    private static String applicationSet(String path) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: { name: api }
                spec:
                  generators: [{ clusters: { selector: { matchLabels: { env: production } } } }]
                  template:
                    spec:
                      source: { path: %s }
                      destination: { server: '{{server}}', namespace: production }
                      syncPolicy: { automated: {} }
                """.formatted(path);
    }

    private Path file(String relative) {
        return dir.resolve(relative).toAbsolutePath().normalize();
    }

    @Test
    void refusesADnsEndpointInAKustomizeBaseAtItsKind() {
        write(dir, "repo/k8s/base/kustomization.yaml", "resources:\n- records.yaml\n");
        write(dir, "repo/k8s/base/records.yaml", DNS_ENDPOINT);
        write(dir, "repo/k8s/overlays/production/kustomization.yaml", "bases:\n- ../../base\nnamePrefix: prod-\n");

        assertThat(Validation.validate(topology(applicationSet("k8s/overlays/production")))).containsExactly(
                new Problem(file("repo/k8s/base/records.yaml"), 6, 7, "kind",
                        DeliveredBalancerResources.message("DNSEndpoint")));
    }

    @Test
    void refusesAGslbInAFleetPathAndInAHelmTemplate() {
        write(dir, "repo/apps/gslb.yaml", """
                apiVersion: k8gb.absa.oss/v1beta1
                kind: Gslb
                metadata: { name: api }
                """);
        write(dir, "repo/apps/chart/templates/dns.yaml", "apiVersion: externaldns.k8s.io/v1alpha1\nkind: DNSEndpoint\n"
                + "metadata:\n  name: {{ .Release.Name }}-dns\n");
        Path topology = topology("""
                apiVersion: fleet.cattle.io/v1alpha1
                kind: GitRepo
                metadata: { name: api, namespace: fleet-default }
                spec:
                  paths: [apps]
                  targets: [{ clusterName: us-east }]
                """);

        assertThat(Validation.validate(topology)).contains(
                new Problem(file("repo/apps/gslb.yaml"), 2, 7, "kind", DeliveredBalancerResources.message("Gslb")),
                new Problem(file("repo/apps/chart/templates/dns.yaml"), 2, 7, "",
                        "kind: " + DeliveredBalancerResources.message("DNSEndpoint")));
    }

    @Test
    void acceptsARepositoryWhoseRecordsLieOutsideEverySyncedPath() {
        write(dir, "repo/apps/web/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n");
        write(dir, "repo/dns/records.yaml", DNS_ENDPOINT);

        assertThat(Validation.validate(topology(applicationSet("apps/web")))).isEmpty();
    }
}
