package io.mch.harness.config;

import static io.mch.harness.config.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.mch.harness.input.Problem;
import io.mch.reports.judge.LatencyScope;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyScopeBinderTest {

    @TempDir
    Path dir;

    private Fixtures fixtures;

    @BeforeEach
    void twoClusterFixture() {
        fixtures = TestFiles.twoClusterFixtures(dir);
    }

    @Test
    void aTargetWithoutAScopeJudgesAllPairsAsItAlwaysHas() throws Exception {
        assertThat(scope("{ max: 50ms }")).isEqualTo(LatencyScope.all());
        assertThat(scope("{ max: 50ms, pairs: all }")).isEqualTo(LatencyScope.all());
    }

    @Test
    void sameRegionRegionGroupsAndNamedPairsBind() throws Exception {
        assertThat(scope("{ max: 50ms, pairs: same-region }")).isEqualTo(LatencyScope.sameRegion());
        assertThat(scope("{ max: 50ms, regions: [us-east-1, eu-west-1] }"))
                .isEqualTo(LatencyScope.regions(List.of("us-east-1", "eu-west-1")));
        assertThat(scope("{ max: 50ms, pairs: [[us-east, eu-west]] }"))
                .isEqualTo(LatencyScope.pairs(List.of(List.of("us-east", "eu-west"))));
    }

    @Test
    void unknownClustersRegionsAndKindsAreRefusedWhereWritten() {
        assertThat(problems("{ max: 50ms, pairs: regional }")).containsExactly(new Problem(file(), 5, 46,
                "slo.cross-cluster-latency.pairs", "'regional' is not one of same-region, all, or a list of cluster pairs"));
        assertThat(problems("{ max: 50ms, pairs: [[us-east, us-est]] }")).containsExactly(new Problem(file(), 5, 57,
                "slo.cross-cluster-latency.pairs[0][1]", "unknown cluster 'us-est'; clusters are us-east, eu-west"));
        assertThat(problems("{ max: 50ms, pairs: [[us-east]] }")).containsExactly(new Problem(file(), 5, 47,
                "slo.cross-cluster-latency.pairs[0]", "a pair names two different clusters, found [us-east]"));
        assertThat(problems("{ max: 50ms, pairs: [] }")).containsExactly(new Problem(file(), 5, 46,
                "slo.cross-cluster-latency.pairs", "name at least one pair of clusters"));
        assertThat(problems("{ max: 50ms, regions: [us-east-2] }")).containsExactly(new Problem(file(), 5, 49,
                "slo.cross-cluster-latency.regions[0]",
                "no cluster of the topology is in region 'us-east-2'; regions are us-east-1, eu-west-1"));
        assertThat(problems("{ max: 50ms, pairs: all, regions: [us-east-1] }")).containsExactly(new Problem(file(),
                5, 60, "slo.cross-cluster-latency.regions", "give either pairs or regions, not both"));
    }

    private LatencyScope scope(String target) throws Exception {
        return ScenarioLoader.load(scenario(target), fixtures).slo().crossClusterLatency().orElseThrow().scope();
    }

    private List<Problem> problems(String target) {
        return Validation.validate(scenario(target), fixtures);
    }

    private Path scenario(String target) {
        return write(dir, "s.yaml", """
                name: scoped
                topology: two
                duration: 1m
                slo:
                  cross-cluster-latency: %s
                """.formatted(target));
    }

    private Path file() {
        return dir.resolve("s.yaml");
    }
}
