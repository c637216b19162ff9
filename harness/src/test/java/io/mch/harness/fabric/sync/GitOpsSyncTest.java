package io.mch.harness.fabric.sync;

import io.mch.harness.runtime.RunContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.mch.faults.Heal;
import io.mch.faults.nemesis.PartitionNemesis;
import io.mch.faults.spec.FaultSpec;
import io.mch.faults.spec.PartitionDirection;
import io.mch.harness.backend.Fleet;
import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.config.Step;
import io.mch.harness.config.SyncSpec;
import io.mch.harness.config.Topology;
import io.mch.harness.fabric.FabricContext;
import io.mch.harness.network.Network;
import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.RunClock;
import io.mch.harness.runtime.TimeScale;
import io.mch.reports.history.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller against a real embedded fleet: a hub, two production spokes, a dev spoke and a
 * production spoke that a federate step can hold back. Each test uses its own namespace and
 * application names, so they share one fleet. Time runs ×10, so the API timeout through the
 * network is 0.5 s of wall time; reconcile intervals are wall time.
 */
class GitOpsSyncTest {

    private static final TimeScale SCALE = new TimeScale(10);
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration API_TIMEOUT = SCALE.wall(Duration.ofSeconds(5));
    private static final Duration AWHILE = Duration.ofSeconds(10);
    private static final Map<String, String> PROD = Map.of("env", "prod");
    private static final Map<String, String> DEV = Map.of("env", "dev");
    private static final Topology TOPOLOGY = new Topology(
            Path.of("hub-spoke.yaml"),
            "hub-spoke",
            List.of(cluster("hub", "r1", Topology.Role.HUB, Map.of()),
                    cluster("spoke-a", "r2", Topology.Role.SPOKE, PROD),
                    cluster("spoke-b", "r2", Topology.Role.SPOKE, PROD),
                    cluster("spoke-c", "r3", Topology.Role.SPOKE, DEV),
                    cluster("spoke-d", "r3", Topology.Role.SPOKE, PROD)),
            new Topology.NetworkSpec(List.of(), "r1"),
            new Topology.KubernetesTimings(Duration.ofSeconds(50), Duration.ofSeconds(300)),
            new Topology.FabricSpec(Optional.empty()),
            null);

    private static Fleet fleet;
    private static Network network;

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void startFleet() throws Exception {
        fleet = new EmbeddedBackend().start(TOPOLOGY, RunContext.detached(TimeScale.REAL, Path.of("target")));
        network = Network.of(TOPOLOGY, 3);
    }

    @AfterAll
    static void stopFleet() {
        network.close();
        fleet.close();
    }

    @Test
    void appliesApplicationsToMatchingSpokesOnly() throws Exception {
        Path repo = repository("t1");
        try (var sync = GitOpsSync.start(spec(repo, List.of(app("web", PROD, "t1", true, true)), List.of()), context(List.of()))) {
            assertThat(sync.members()).containsExactlyInAnyOrder("spoke-a", "spoke-b", "spoke-c", "spoke-d");
            for (String spoke : List.of("spoke-a", "spoke-b", "spoke-d")) {
                assertThat(sync.status("web", spoke)).contains("Synced");
                assertThat(configMap(spoke, "t1", "web-config").getData()).containsEntry("color", "blue");
                assertThat(fleet.cluster(spoke).client().services().inNamespace("t1").withName("web").get()).isNotNull();
                assertThat(dnsEndpoint(spoke, "t1").get("spec").toString()).contains("web.example.com");
                assertThat(statuses("web", spoke)).containsExactly("OutOfSync", "Synced");
            }
            assertThat(sync.status("web", "spoke-c")).isEmpty();
            assertThat(configMap("spoke-c", "t1", "web-config")).isNull();
            assertThat(configMap("hub", "t1", "web-config")).isNull();
            assertThat(configMap("spoke-a", "t1", "web-config").getMetadata().getLabels())
                    .containsEntry("mch.io/application", "web").containsEntry("app.kubernetes.io/managed-by", "mch");

            Map<String, List<HasMetadata>> desired = sync.desired();
            assertThat(desired.get("spoke-a")).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                    .containsExactlyInAnyOrder("ConfigMap/web-config", "Service/web", "DNSEndpoint/web");
            assertThat(desired.get("spoke-c")).isEmpty();
            assertThat(desired).doesNotContainKey("hub");
            assertThat(sync.workingCopy()).isEqualTo(dir.resolve("run/repository").toAbsolutePath().normalize());
        }
    }

    @Test
    void aPartitionedSpokeIsUnknownKeepsItsStateAndConvergesWithinAnIntervalOfTheHeal() throws Exception {
        Path repo = repository("t2");
        try (var sync = GitOpsSync.start(spec(repo, List.of(app("api", PROD, "t2", true, true)), List.of()), context(List.of()))) {
            assertThat(configMap("spoke-b", "t2", "web-config").getData()).containsEntry("color", "blue");
            Heal heal = new PartitionNemesis(network).inject(
                    new FaultSpec.Partition(List.of("hub"), List.of("spoke-b"), PartitionDirection.BOTH));
            long healedAt;
            try {
                await().atMost(AWHILE).until(() -> sync.status("api", "spoke-b").equals(Optional.of("Unknown")));
                assertThat(sync.perform(scheduled(new Step.Commit("api", Step.CommitOp.CHANGE, "config.yaml",
                        Optional.of(configMapManifest("green")))))).isTrue();

                await().atMost(AWHILE).until(() -> color("spoke-a", "t2").equals("green") && color("spoke-d", "t2").equals("green"));
                assertThat(sync.status("api", "spoke-a")).contains("Synced");
                // Two more reconciles of the partitioned spoke, and it still holds what it had.
                await().during(INTERVAL.multipliedBy(2)).atMost(AWHILE).until(() -> color("spoke-b", "t2").equals("blue")
                        && sync.status("api", "spoke-b").equals(Optional.of("Unknown")));
            } finally {
                heal.heal();
                healedAt = System.nanoTime();
            }

            await().atMost(AWHILE).until(() -> color("spoke-b", "t2").equals("green"));
            Duration converged = Duration.ofNanos(System.nanoTime() - healedAt);
            assertThat(converged).isLessThanOrEqualTo(INTERVAL.plus(API_TIMEOUT).plusSeconds(2));
            await().atMost(AWHILE).until(() -> sync.status("api", "spoke-b").equals(Optional.of("Synced")));
            assertThat(statuses("api", "spoke-b")).containsSubsequence("Synced", "Unknown", "OutOfSync", "Synced");
            assertThat(events).filteredOn(e -> e instanceof Event.SyncStatus s && s.status().equals("Unknown"))
                    .extracting(e -> ((Event.SyncStatus) e).cluster()).containsOnly("spoke-b");
        }
    }

    @Test
    void nothingIsReconciledWhileTheHubIsLost() throws Exception {
        Path repo = repository("t10");
        try (var sync = GitOpsSync.start(spec(repo, List.of(app("hubless", DEV, "t10", true, true)), List.of()), context(List.of()))) {
            Heal heal = fleet.loseCluster("hub");
            try {
                sync.perform(scheduled(new Step.Commit("hubless", Step.CommitOp.CHANGE, "config.yaml",
                        Optional.of(configMapManifest("black")))));
                await().during(INTERVAL.multipliedBy(2)).atMost(AWHILE).until(() -> color("spoke-c", "t10").equals("blue"));
                assertThat(statuses("hubless", "spoke-c")).containsExactly("OutOfSync", "Synced");
            } finally {
                heal.heal();
            }
            await().atMost(AWHILE).until(() -> color("spoke-c", "t10").equals("black"));
        }
    }

    @Test
    void driftIsRevertedWithSelfHealAndStaysModifiedWithout() throws Exception {
        Path repo = repository("t3");
        repository("t3b");
        var apps = List.of(app("healed", DEV, "t3", true, true), app("loose", DEV, "t3b", false, true));
        try (var sync = GitOpsSync.start(spec(repo, apps, List.of()), context(List.of()))) {
            Map<String, Object> red = Map.of("data", Map.of("color", "red"));
            sync.perform(scheduled(new Step.Drift("spoke-c", "ConfigMap", "t3", "web-config", Optional.of(red), false)));
            sync.perform(scheduled(new Step.Drift("spoke-c", "ConfigMap", "t3b", "web-config", Optional.of(red), false)));
            assertThat(color("spoke-c", "t3b")).isEqualTo("red");

            await().atMost(AWHILE).until(() -> color("spoke-c", "t3").equals("blue")
                    && statuses("healed", "spoke-c").size() >= 4);
            assertThat(statuses("healed", "spoke-c")).containsExactly("OutOfSync", "Synced", "Modified", "Synced");
            await().atMost(AWHILE).until(() -> sync.status("loose", "spoke-c").equals(Optional.of("Modified")));
            await().during(INTERVAL.multipliedBy(2)).atMost(AWHILE).until(() -> color("spoke-c", "t3b").equals("red")
                    && sync.status("loose", "spoke-c").equals(Optional.of("Modified")));

            sync.perform(scheduled(new Step.Drift("spoke-c", "ConfigMap", "t3", "web-config", Optional.empty(), true)));
            await().atMost(AWHILE).until(() -> configMap("spoke-c", "t3", "web-config") != null
                    && statuses("healed", "spoke-c").size() >= 6);
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Event.SyncStatus.class,
                    s -> assertThat(s.detail()).contains("ConfigMap/t3/web-config deleted")));
            assertThat(events).filteredOn(Event.FabricNote.class::isInstance)
                    .extracting(e -> ((Event.FabricNote) e).message())
                    .contains("drift: ConfigMap/t3b/web-config on spoke-c edited by hand",
                            "drift: ConfigMap/t3/web-config on spoke-c deleted by hand");
        }
    }

    @Test
    void pruneDeletesWhatLeftTheRepositoryAndWithoutPruneItStaysOutOfSync() throws Exception {
        Path repo = repository("t4");
        repository("t4b");
        var apps = List.of(app("pruned", Map.of(), "t4", true, true), app("kept", DEV, "t4b", true, false));
        try (var sync = GitOpsSync.start(spec(repo, apps, List.of()), context(List.of()))) {
            assertThat(fleet.cluster("spoke-a").client().services().inNamespace("t4").withName("web").get()).isNotNull();
            sync.perform(scheduled(new Step.Commit("pruned", Step.CommitOp.DELETE, "service.yaml", Optional.empty())));
            sync.perform(scheduled(new Step.Commit("pruned", Step.CommitOp.DELETE, "dns.yaml", Optional.empty())));
            sync.perform(scheduled(new Step.Commit("kept", Step.CommitOp.DELETE, "service.yaml", Optional.empty())));

            await().atMost(AWHILE).until(() -> sync.members().stream()
                    .allMatch(s -> fleet.cluster(s).client().services().inNamespace("t4").withName("web").get() == null
                            && dnsEndpoint(s, "t4") == null));
            assertThat(sync.members()).allSatisfy(s -> assertThat(configMap(s, "t4", "web-config")).isNotNull());
            await().atMost(AWHILE).until(() -> sync.status("kept", "spoke-c").equals(Optional.of("OutOfSync")));
            await().during(INTERVAL.multipliedBy(2)).atMost(AWHILE).until(
                    () -> fleet.cluster("spoke-c").client().services().inNamespace("t4b").withName("web").get() != null);
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Event.SyncStatus.class,
                    s -> assertThat(s.detail()).contains("Service/t4b/web to prune (prune off)")));
            assertThat(sync.workingCopy().resolve("t4/service.yaml")).doesNotExist();
            assertThat(repo.resolve("t4/service.yaml")).as("the user's repository is not touched").exists();
        }
    }

    @Test
    void aSyncStepIsMeasuredUntilEveryTargetHasTheCommit() throws Exception {
        Path repo = repository("t5");
        try (var sync = GitOpsSync.start(spec(repo, List.of(app("shop", PROD, "t5", true, true)), List.of()), context(List.of()))) {
            var commit = new Step.Commit("shop", Step.CommitOp.CHANGE, "config.yaml", Optional.of(configMapManifest("gold")));
            assertThat(sync.perform(scheduled(new Step.Sync(commit)))).isTrue();

            Event.Measured measured = awaitMeasured("sync");
            assertThat(List.of("spoke-a", "spoke-b", "spoke-d")).allSatisfy(s -> assertThat(color(s, "t5")).isEqualTo("gold"));
            assertThat(measured.subject()).isEqualTo("shop");
            assertThat(measured.valueMs()).isPositive()
                    .isLessThanOrEqualTo(SCALE.scenarioMs(INTERVAL.plusSeconds(2).toMillis()));
            assertThat(measured.resolutionMs()).isEqualTo(1000);
            assertThat(measured.detail()).isEqualTo("revision 2 on spoke-a, spoke-b, spoke-d");
            assertThat(events).filteredOn(Event.FabricNote.class::isInstance).extracting(e -> ((Event.FabricNote) e).message())
                    .containsExactly("commit revision 2: change t5/config.yaml (application shop)");
        }
    }

    @Test
    void aRefreshReconcilesBeforeTheIntervalIsOver() throws Exception {
        Path repo = repository("t6");
        var spec = new SyncSpec("hub", repo, List.of(app("hooked", DEV, "t6", true, true)), Duration.ofMinutes(5),
                Duration.ZERO, List.of());
        try (var sync = GitOpsSync.start(spec, context(List.of()))) {
            sync.perform(scheduled(new Step.Commit("hooked", Step.CommitOp.CHANGE, "config.yaml",
                    Optional.of(configMapManifest("teal")))));
            sync.refresh();
            await().atMost(AWHILE).until(() -> color("spoke-c", "t6").equals("teal"));
        }
    }

    @Test
    void aFederatedSpokeJoinsAtItsStepAndIsMeasuredUntilConsistent() throws Exception {
        Path repo = repository("t7");
        var policy = new SyncSpec.Policy("quota-t7", List.of(repo.resolve("policies/quota.yaml")), Map.of());
        var steps = List.of(new Step.Scheduled(0, Duration.ofSeconds(30), new Step.Federate("spoke-d")));
        try (var sync = GitOpsSync.start(spec(repo, List.of(app("late", PROD, "t7", true, true)), List.of(policy)), context(steps))) {
            assertThat(sync.members()).doesNotContain("spoke-d");
            assertThat(configMap("spoke-d", "t7", "web-config")).isNull();
            assertThat(sync.desired()).doesNotContainKey("spoke-d");

            assertThat(sync.perform(steps.get(0))).isTrue();

            Event.Measured measured = awaitMeasured("federate");
            assertThat(measured.subject()).isEqualTo("spoke-d");
            assertThat(measured.detail()).isEqualTo("2 application(s) and policies");
            assertThat(sync.status("late", "spoke-d")).contains("Synced");
            assertThat(sync.status("quota-t7", "spoke-d")).contains("Synced");
            assertThat(color("spoke-d", "t7")).isEqualTo("blue");
            assertThat(fleet.cluster("spoke-d").client().resourceQuotas().inNamespace("default").withName("quota-t7").get())
                    .isNotNull();
            assertThat(sync.desired().get("spoke-d")).hasSize(4);
        }
    }

    @Test
    void policiesReachEveryMatchingSpokeAndAreHealed() throws Exception {
        Path repo = repository("t8");
        var everywhere = new SyncSpec.Policy("quota-t8", List.of(repo.resolve("policies/quota.yaml")), Map.of());
        var prodOnly = new SyncSpec.Policy("deny-t8", List.of(repo.resolve("policies/deny.yaml")), PROD);
        try (var sync = GitOpsSync.start(spec(repo, List.of(), List.of(everywhere, prodOnly)), context(List.of()))) {
            for (String spoke : List.of("spoke-a", "spoke-b", "spoke-c", "spoke-d")) {
                assertThat(fleet.cluster(spoke).client().resourceQuotas().inNamespace("default").withName("quota-t8").get()
                        .getSpec().getHard()).containsKey("pods");
                assertThat(sync.status("quota-t8", spoke)).contains("Synced");
            }
            assertThat(fleet.cluster("hub").client().resourceQuotas().inNamespace("default").withName("quota-t8").get()).isNull();
            assertThat(fleet.cluster("spoke-a").client().network().networkPolicies().inNamespace("default").withName("deny-t8").get())
                    .isNotNull();
            assertThat(fleet.cluster("spoke-c").client().network().networkPolicies().inNamespace("default").withName("deny-t8").get())
                    .isNull();

            sync.perform(scheduled(new Step.Drift("spoke-a", "ResourceQuota", "default", "quota-t8", Optional.empty(), true)));
            await().atMost(AWHILE).until(() ->
                    fleet.cluster("spoke-a").client().resourceQuotas().inNamespace("default").withName("quota-t8").get() != null);
            // The status is recorded once the healing apply returned, a moment after the object is back.
            await().atMost(AWHILE).untilAsserted(() ->
                    assertThat(statuses("quota-t8", "spoke-a")).containsSubsequence("Synced", "Modified", "Synced"));
        }
    }

    @Test
    void closingLeavesNoThreadAndStepsOfOtherPartsAreNotTaken() throws Exception {
        Path repo = repository("t9");
        var sync = GitOpsSync.start(spec(repo, List.of(app("gone", Map.of(), "t9", true, true)), List.of()), context(List.of()));
        assertThat(sync.perform(scheduled(new Step.Connect("spoke-a")))).isFalse();
        assertThat(sync.perform(scheduled(new Step.Failover("spoke-b")))).isFalse();
        var commit = new Step.Commit("gone", Step.CommitOp.CHANGE, "config.yaml", Optional.of(configMapManifest("grey")));
        // A spoke the hub cannot reach keeps the sync step from completing, and a lane busy at close.
        Heal heal = new PartitionNemesis(network).inject(
                new FaultSpec.Partition(List.of("hub"), List.of("spoke-c"), PartitionDirection.BOTH));
        try {
            sync.perform(scheduled(new Step.Sync(commit)));
            assertThat(syncThreads()).isNotEmpty();
            sync.close();
        } finally {
            heal.heal();
        }
        await().atMost(AWHILE).until(() -> syncThreads().isEmpty());
        assertThat(events).filteredOn(Event.FabricNote.class::isInstance).extracting(e -> ((Event.FabricNote) e).message())
                .anySatisfy(m -> assertThat(m).startsWith("sync of gone had not taken full effect"));
        sync.close();
    }

    private static List<String> syncThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("mch-sync"))
                .toList();
    }

    private Event.Measured awaitMeasured(String name) {
        await().atMost(AWHILE).until(() -> events.stream()
                .anyMatch(e -> e instanceof Event.Measured m && m.name().equals(name)));
        return events.stream()
                .filter(e -> e instanceof Event.Measured m && m.name().equals(name))
                .map(Event.Measured.class::cast)
                .findFirst()
                .orElseThrow();
    }

    private List<String> statuses(String application, String cluster) {
        return events.stream()
                .filter(e -> e instanceof Event.SyncStatus s && s.application().equals(application) && s.cluster().equals(cluster))
                .map(e -> ((Event.SyncStatus) e).status())
                .toList();
    }

    private static ConfigMap configMap(String cluster, String namespace, String name) {
        return fleet.cluster(cluster).client().configMaps().inNamespace(namespace).withName(name).get();
    }

    /** A kind without a fabric8 model class, addressed by its plural as the controller does. */
    private static GenericKubernetesResource dnsEndpoint(String cluster, String namespace) {
        var definition = new ResourceDefinitionContext.Builder().withGroup("externaldns.k8s.io").withVersion("v1alpha1")
                .withKind("DNSEndpoint").withPlural("dnsendpoints").withNamespaced(true).build();
        return fleet.cluster(cluster).client().genericKubernetesResources(definition).inNamespace(namespace).withName("web").get();
    }

    private static String color(String cluster, String namespace) {
        ConfigMap cm = configMap(cluster, namespace, "web-config");
        return cm == null ? "" : cm.getData().get("color");
    }

    private FabricContext context(List<Step.Scheduled> steps) {
        return new FabricContext(new RunContext(RunClock.startingNow(SCALE), events::add, 11, Console.silent(),
                dir.resolve("run")), TOPOLOGY, fleet, network, steps);
    }

    private static Step.Scheduled scheduled(Step step) {
        return new Step.Scheduled(0, Duration.ZERO, step);
    }

    private static SyncSpec spec(Path repo, List<SyncSpec.Application> apps, List<SyncSpec.Policy> policies) {
        return new SyncSpec("hub", repo, apps, INTERVAL, Duration.ZERO, policies);
    }

    /** The application's manifests are in the repository folder named after its namespace. */
    private SyncSpec.Application app(String name, Map<String, String> selector, String namespace, boolean selfHeal,
            boolean prune) {
        return new SyncSpec.Application(name, "ApplicationSet", dir.resolve("repo/appset.yaml"), selector,
                List.of(namespace), namespace, selfHeal, prune);
    }

    private Path repository(String folder) throws Exception {
        Path repo = dir.resolve("repo");
        Path apps = Files.createDirectories(repo.resolve(folder));
        Files.writeString(apps.resolve("config.yaml"), resource("configmap.yaml"));
        Files.writeString(apps.resolve("service.yaml"), resource("service.yaml"));
        Files.writeString(apps.resolve("dns.yaml"), resource("dns.yaml"));
        Path policies = Files.createDirectories(repo.resolve("policies"));
        Files.writeString(policies.resolve("quota.yaml"), resource("quota.yaml").replace("NAME", "quota-" + folder));
        Files.writeString(policies.resolve("deny.yaml"), resource("deny.yaml").replace("NAME", "deny-" + folder));
        return repo;
    }

    private static String resource(String name) throws Exception {
        try (var in = GitOpsSyncTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> configMapManifest(String color) {
        return Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "web-config"),
                "data", Map.of("color", color));
    }

    private static Topology.ClusterSpec cluster(String name, String region, Topology.Role role, Map<String, String> labels) {
        return new Topology.ClusterSpec(name, region, role, 1, labels);
    }
}
