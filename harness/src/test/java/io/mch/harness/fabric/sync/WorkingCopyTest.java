package io.mch.harness.fabric.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mch.harness.config.Step;
import io.mch.harness.config.SyncSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingCopyTest {

    private static final String CONFIG = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web-config
            data:
              color: blue
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: reader
            rules: []
            """;

    @TempDir
    Path dir;

    @Test
    void readsACopyPlacingNamespacedObjectsAndLabellingEveryObject() throws Exception {
        Path repo = repository();
        WorkingCopy copy = WorkingCopy.of(repo, dir.resolve("run/repository"));
        Source web = Source.of(application("apps/web"), copy.root());

        List<Manifest> manifests = copy.manifests(web, "spoke");

        assertThat(manifests).extracting(Manifest::key).containsExactly("ConfigMap/shop/web-config", "ClusterRole/default/reader");
        assertThat(manifests.get(1).tree().path("metadata").has("namespace")).as("cluster-scoped").isFalse();
        assertThat(manifests).allSatisfy(m -> {
            assertThat(m.tree().path("metadata").path("labels").path(WorkingCopy.APPLICATION_LABEL).asText()).isEqualTo("web");
            assertThat(m.tree().path("metadata").path("labels").path(WorkingCopy.MANAGED_BY_LABEL).asText()).isEqualTo("mch");
        });
        assertThat(manifests.get(0).object().getMetadata().getNamespace()).isEqualTo("shop");
    }

    @Test
    void aFolderAlreadyThereIsNeverReplaced() throws Exception {
        Path users = Files.createDirectories(dir.resolve("run/repository"));
        Files.writeString(users.resolve("keep.yaml"), "mine");

        assertThatThrownBy(() -> WorkingCopy.of(repository(), users)).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(users.resolve("keep.yaml")).hasContent("mine");
    }

    @Test
    void commitsChangeTheCopyOnlyAndCountRevisions() throws Exception {
        Path repo = repository();
        WorkingCopy copy = WorkingCopy.of(repo, dir.resolve("run/repository"));
        Source web = Source.of(application("apps/web"), copy.root());
        Map<String, Object> secret = Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "extra"), "data", Map.of("k", "v"));

        String added = copy.commit(web, Step.CommitOp.ADD, "extra.yaml", Optional.of(secret));
        assertThat(added).isEqualTo("revision 2: add apps/web/extra.yaml (application web)");
        assertThat(copy.manifests(web, "spoke")).extracting(Manifest::key).contains("ConfigMap/shop/extra");
        copy.commit(web, Step.CommitOp.DELETE, "config.yaml", Optional.empty());
        assertThat(copy.manifests(web, "spoke")).extracting(Manifest::key).containsExactly("ConfigMap/shop/extra");
        assertThat(copy.revision()).isEqualTo(3);

        assertThat(repo.resolve("apps/web/config.yaml")).exists();
        assertThat(repo.resolve("apps/web/extra.yaml")).doesNotExist();
        assertThatThrownBy(() -> copy.commit(web, Step.CommitOp.ADD, "../../escape.yaml", Optional.of(secret)))
                .hasMessageContaining("leaves");
        assertThatThrownBy(() -> copy.commit(web, Step.CommitOp.DELETE, "config.yaml", Optional.empty()))
                .hasMessageContaining("no file config.yaml");
    }

    @Test
    void aFileCommittedBesideAnApplicationsOnlyFileBelongsToIt() throws Exception {
        WorkingCopy copy = WorkingCopy.of(repository(), dir.resolve("run/repository"));
        Source web = Source.of(application("apps/web/config.yaml"), copy.root());
        copy.commit(web, Step.CommitOp.ADD, "more.yaml", Optional.of(Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "more"))));

        assertThat(copy.manifests(web, "spoke")).extracting(Manifest::key).contains("ConfigMap/shop/web-config", "ConfigMap/shop/more");
    }

    @Test
    void aPolicyInsideTheRepositoryIsReadFromTheCopy() throws Exception {
        Path repo = repository();
        WorkingCopy copy = WorkingCopy.of(repo, dir.resolve("run/repository"));
        Source policy = Source.of(new SyncSpec.Policy("baseline", List.of(repo.resolve("apps/web/config.yaml")), Map.of()),
                repo, copy.root());

        assertThat(policy.paths()).containsExactly(copy.root().resolve("apps/web/config.yaml"));
        assertThat(policy.selfHeal()).isTrue();
        assertThat(policy.prune()).isTrue();
        assertThat(copy.manifests(policy, "spoke")).extracting(Manifest::key).first().isEqualTo("ConfigMap/default/web-config");
    }

    @Test
    void anApplicationPathMayNotLeaveTheRepository() throws Exception {
        WorkingCopy copy = WorkingCopy.of(repository(), dir.resolve("run/repository"));
        assertThatThrownBy(() -> Source.of(application("../outside"), copy.root())).hasMessageContaining("leaves the repository");
    }

    private Path repository() throws Exception {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve("apps/web"));
        Files.writeString(repo.resolve("apps/web/config.yaml"), CONFIG);
        Files.writeString(repo.resolve("apps/web/README.md"), "not a manifest");
        return repo;
    }

    private SyncSpec.Application application(String path) {
        return new SyncSpec.Application("web", "ApplicationSet", dir.resolve("repo/appset.yaml"), Map.of(), List.of(path),
                "shop", true, true);
    }
}
