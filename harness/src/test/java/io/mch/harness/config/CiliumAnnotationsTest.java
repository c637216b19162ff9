package io.mch.harness.config;

import static io.mch.harness.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.mch.harness.input.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cilium annotations on a workload's Service: what mch honours is checked, the rest refused before the run. */
class CiliumAnnotationsTest {

    @TempDir
    Path dir;

    @Test
    void refusesCiliumServiceAnnotationsItDoesNotModelAndValuesCiliumWouldNotRead() {
        Path manifest = write(dir, "workloads/api.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations:
                    service.cilium.io/global: "True"
                    io.cilium/shared-service: "no"
                    service.cilium.io/affinity: nearest
                    service.cilium.io/lb-l7: enabled
                    io.cilium/service-affinity: Local
                    example.com/owner: shop
                spec: { selector: { app: api }, ports: [ { port: 80 } ] }
                """);
        Path topology = write(dir, "t.yaml", """
                name: t
                clusters:
                  - { name: us-east, region: r1, role: peer }
                workload: { manifests: [workloads/api.yaml], service: api }
                """);

        assertThat(Validation.validate(topology)).containsExactly(
                new Problem(manifest, 7, 31, "metadata.annotations.io.cilium/shared-service",
                        "Cilium reads true, false here, found 'no'"),
                new Problem(manifest, 8, 33, "metadata.annotations.service.cilium.io/affinity",
                        "Cilium reads local, remote, none here, found 'nearest'"),
                new Problem(manifest, 9, 30, "metadata.annotations.service.cilium.io/lb-l7",
                        "mch does not model the Cilium annotation 'service.cilium.io/lb-l7'; it models"
                                + " io.cilium/global-service, io.cilium/service-affinity, io.cilium/shared-service,"
                                + " service.cilium.io/affinity, service.cilium.io/global, service.cilium.io/shared"));
    }
}
