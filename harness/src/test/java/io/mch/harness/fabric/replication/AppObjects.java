package io.mch.harness.fabric.replication;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/** An application's objects in one namespace, as a backup or a replication finds them. */
final class AppObjects {

    private AppObjects() {}

    /** A ConfigMap, a Secret, a Deployment, a Service and a ServiceAccount: five objects. */
    static void create(KubernetesClient client, String namespace) {
        configMap(client, namespace, "app-config", "v1");
        client.secrets().inNamespace(namespace).resource(new SecretBuilder()
                .withNewMetadata().withName("db-creds").endMetadata()
                .addToStringData("password", "s3cret")
                .build()).create();
        client.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder()
                .withNewMetadata().withName("deployer").endMetadata()
                .build()).create();
        client.services().inNamespace(namespace).resource(new ServiceBuilder()
                .withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withClusterIP("10.0.0.12").addToSelector("app", "web")
                .addNewPort().withPort(80).endPort().endSpec()
                .build()).create();
        client.apps().deployments().inNamespace(namespace).resource(new DeploymentBuilder()
                .withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(2)
                .withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27").endContainer().endSpec()
                .endTemplate().endSpec()
                .build()).create();
    }

    /** Creates or replaces the ConfigMap {@code name} holding {@code version}. */
    static void configMap(KubernetesClient client, String namespace, String name, String version) {
        ConfigMap map = new ConfigMapBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .addToData("version", version)
                .build();
        ConfigMap live = client.configMaps().inNamespace(namespace).withName(name).get();
        if (live == null) {
            client.resource(map).create();
        } else {
            map.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
            client.resource(map).update();
        }
    }

    /** The {@code version} of the ConfigMap {@code name}, or null when it is absent. */
    static String version(KubernetesClient client, String namespace, String name) {
        ConfigMap map = client.configMaps().inNamespace(namespace).withName(name).get();
        return map == null ? null : map.getData().get("version");
    }

    static Map<String, String> labels(KubernetesClient client, String namespace, String name) {
        ConfigMap map = client.configMaps().inNamespace(namespace).withName(name).get();
        return map == null ? Map.of() : map.getMetadata().getLabels();
    }
}
