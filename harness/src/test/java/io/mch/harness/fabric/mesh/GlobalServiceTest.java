package io.mch.harness.fabric.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.mch.harness.config.MeshSpec.Affinity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobalServiceTest {

    @Test
    void readsCiliumsAnnotationsWithTheSpecsAffinityAsDefault() {
        assertThat(GlobalService.of(service(Map.of()), Affinity.LOCAL)).isEmpty();
        assertThat(GlobalService.of(service(Map.of(GlobalService.GLOBAL, "false")), Affinity.LOCAL)).isEmpty();
        assertThat(GlobalService.of(service(Map.of(GlobalService.GLOBAL, "true")), Affinity.REMOTE))
                .hasValue(new GlobalService("shop", "api", Affinity.REMOTE));
        assertThat(GlobalService.of(service(Map.of(GlobalService.GLOBAL, "true", GlobalService.AFFINITY, "none")),
                        Affinity.LOCAL))
                .hasValueSatisfying(g -> {
                    assertThat(g.affinity()).isEqualTo(Affinity.NONE);
                    assertThat(g.key()).isEqualTo("shop/api");
                });
    }

    @Test
    void readsTheLegacyAliasesWhenTheCurrentAnnotationIsAbsentAsCiliumDoes() {
        assertThat(GlobalService.of(service(Map.of("io.cilium/global-service", "True",
                "io.cilium/service-affinity", "remote")), Affinity.LOCAL))
                .hasValue(new GlobalService("shop", "api", Affinity.REMOTE));
        assertThat(GlobalService.isGlobal(service(Map.of(GlobalService.GLOBAL, "false", "io.cilium/global-service", "true"))))
                .as("the current annotation wins over its alias").isFalse();
        assertThat(GlobalService.isShared(service(Map.of("io.cilium/global-service", "true")))).isTrue();
        assertThat(GlobalService.isShared(service(Map.of(GlobalService.GLOBAL, "true", "io.cilium/shared-service", "false"))))
                .isFalse();
        assertThat(GlobalService.isShared(service(Map.of(GlobalService.GLOBAL, "true", GlobalService.SHARED, "FALSE"))))
                .isFalse();
        assertThat(GlobalService.isShared(service(Map.of(GlobalService.SHARED, "true"))))
                .as("shared is read only on a global service").isFalse();
    }

    @Test
    void anUnknownAffinityNamesTheServiceAndTheAcceptedValues() {
        Service bad = service(Map.of(GlobalService.GLOBAL, "true", GlobalService.AFFINITY, "nearest"));
        assertThatThrownBy(() -> GlobalService.of(bad, Affinity.LOCAL))
                .hasMessage("Service shop/api: service.cilium.io/affinity is 'nearest'; Cilium accepts local, remote, none");
    }

    private static Service service(Map<String, String> annotations) {
        return new ServiceBuilder().withNewMetadata().withNamespace("shop").withName("api")
                .withAnnotations(annotations).endMetadata().build();
    }
}
