package io.mch.harness.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mch.harness.backend.Backend;
import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.config.ExploreSpec;
import io.mch.harness.config.Scenario;
import io.mch.harness.config.ScenarioLoader;
import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.TimeScale;
import io.mch.reports.ExploreFiles;
import io.mch.reports.html.ExplorePage;
import io.mch.reports.model.ExploreRecord;
import io.mch.reports.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search end to end at ×20: on the weak-standby topology it finds the planted weakness, shrinks
 * it to at most two faults and writes a scenario that breaks the same SLO when loaded and run
 * again; on a topology without a weakness in the space it reports how much it explored. Where mch
 * itself reports that its runs decided nothing (a machine too busy for ×20), the first is skipped
 * with that reason rather than judged.
 */
class ExplorationTest {

    private static final TimeScale SCALE = new TimeScale(20);
    /** A space without a weakness (also used by the cli's shard test). */
    static final Path STURDY = Path.of("src/test/resources/explore/sturdy.yaml").toAbsolutePath();

    @Test
    void findsShrinksAndReplaysTheWeakStandby(@TempDir Path out) throws Exception {
        Scenario scenario = ScenarioLoader.load(GeneratorTest.WEAK_STANDBY);
        ExploreSpec space = ScenarioLoader.explore(GeneratorTest.WEAK_STANDBY, scenario).orElseThrow();

        Exploration.Outcome outcome = new Exploration(scenario, space, backend(), SCALE, out, Console.silent(),
                new Exploration.Options(2, Vote.DEFAULT, Shard.WHOLE, 3, 24)).run(2, 3);

        // mch says when its own runs measured nothing (probe rate not kept on a machine too busy for
        // ×20): then the search could not judge, and neither can this test.
        assumeTrue(outcome.finding().isPresent() || outcome.record().undecidedRuns() == 0,
                () -> outcome.record().undecidedRuns() + " of " + outcome.record().runs()
                        + " runs decided nothing: the machine is too busy for ×20");
        Exploration.Finding finding = outcome.finding().orElseThrow();
        assertThat(finding.slo()).isEqualTo("failover-time");
        assertThat(finding.schedule()).hasSizeBetween(1, 2);
        assertThat(finding.reproduced()).isTrue();
        Scenario written = ScenarioLoader.load(finding.scenarioFile());
        assertThat(written.faults()).isEqualTo(finding.schedule());
        assertThat(written.seed()).hasValue(2);
        assertThat(Files.readString(finding.scenarioFile())).startsWith("# Found by: mch explore").contains("# Shrunk: ")
                .contains("# Reproduces: " + finding.replaysBroke() + " of " + finding.replaysDecided()
                        + " replays of this file broke failover-time")
                .doesNotContain(out.toString()).doesNotContain(Path.of("..").toAbsolutePath().normalize().toString());
        assertThat(finding.replays()).hasSize(3);
        assertThat(finding.replaysBroke() * 3).isGreaterThanOrEqualTo(finding.replaysDecided() * 2);
        assertThat(finding.replays()).filteredOn(t -> t.breaks("failover-time")).allSatisfy(t ->
                assertThat(t.result("failover-time").orElseThrow().verdict()).isEqualTo(Verdict.FAIL));

        ExploreRecord record = ExploreFiles.read(out);
        assertThat(record.finding().replayDirs()).hasSize(3).allSatisfy(d -> assertThat(out.resolve(d).resolve("report.html")).exists());
        assertThat(record.finding().faults()).isEqualTo(finding.schedule().size());
        assertThat(record.finding().file()).isEqualTo("explore-weak-standby-found.yaml");
        assertThat(record.vote()).isEqualTo("2/3");
        assertThat(record.shrink()).isNotEmpty().allSatisfy(step -> assertThat(step.runs()).isLessThanOrEqualTo(3));
        assertThat(Files.readString(out.resolve(ExplorePage.FILE))).contains("Smallest breach:")
                .contains(record.shrink().get(0).change());
    }

    @Test
    void reportsNoBreachAndHowMuchItExploredWhenTheSpaceHoldsNone(@TempDir Path dir) throws Exception {
        Path file = STURDY;
        Scenario scenario = ScenarioLoader.load(file);
        ExploreSpec space = ScenarioLoader.explore(file, scenario).orElseThrow();

        Exploration.Outcome outcome = new Exploration(scenario, space, backend(), SCALE, dir.resolve("out"),
                Console.silent(), Exploration.Options.defaults(2)).run(11, 2);

        assertThat(outcome.finding()).isEmpty();
        Search.Result search = outcome.search();
        assertThat(search.tries()).isEqualTo(2);
        assertThat(search.faultsInjected()).isEqualTo(2);
        assertThat(search.scenarioMs()).isGreaterThanOrEqualTo(2 * 20_000L);
        assertThat(search.summary()).startsWith("no breach found in 2 tries (" + search.faultsInjected() + " faults injected, ");
        assertThat(dir.resolve("out/try-001/report.html")).exists();
        assertThat(dir.resolve("out/try-002/report.html")).exists();
        assertThat(Files.readString(dir.resolve("out").resolve(ExplorePage.FILE))).contains("No breach found.");
    }

    private static Backend backend() {
        return new EmbeddedBackend();
    }
}
