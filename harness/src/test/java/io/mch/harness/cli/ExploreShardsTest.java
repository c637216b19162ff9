package io.mch.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.ExploreFiles;
import io.mch.reports.html.ExplorePage;
import io.mch.reports.model.ExploreRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mch explore --shard I/N} splits a search's tries between shards without overlap, and
 * {@code mch report} over the shards' directories merges them into one summary naming the smallest
 * breach.
 */
class ExploreShardsTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @Test
    void twoShardsSplitTheTriesAndReportMergesThemIntoOneSummary() throws Exception {
        Path scenario = Path.of("src/test/resources/explore/sturdy.yaml");
        Path shards = dir.resolve("shards");
        for (String shard : List.of("1/2", "2/2")) {
            Path out = shards.resolve("shard-" + shard.charAt(0));
            // 0: no breach; 5: no breach, but mch could not keep some runs' probe rate (a busy machine).
            assertThat(MchCommand.execute("explore", scenario.toString(), "--seed", "7", "--tries", "2", "--shard", shard,
                    "--time-scale", "20", "--lanes", "1", "--out", out.toString())).as(streams.err()).isIn(0, 5);
        }

        assertThat(ExploreFiles.read(shards.resolve("shard-1")).tries()).extracting(ExploreRecord.Try::number).containsExactly(1);
        assertThat(ExploreFiles.read(shards.resolve("shard-2")).tries()).extracting(ExploreRecord.Try::number).containsExactly(2);
        assertThat(shards.resolve("shard-1/try-001/report.html")).exists();
        assertThat(shards.resolve("shard-2/try-002/report.html")).exists();

        assertThat(MchCommand.execute("report", shards.toString())).as(streams.err()).isZero();
        assertThat(streams.out()).contains("(2 search(es), 2 tries, 2 runs)").contains("no breach found in 2 tries");
        assertThat(Files.readString(shards.resolve(ExplorePage.FILE)))
                .contains("No breach found.").contains("shard-1/try-001/report.html").contains("shard-2/try-002/report.html");
    }

    @Test
    void theMergedSummaryNamesTheSmallestReproducedBreach() throws Exception {
        ExploreFiles.write(dir.resolve("a"), record("1/3", finding(3, 4, 5, true, 2)));
        ExploreFiles.write(dir.resolve("b"), record("2/3", finding(2, 5, 5, true, 6)));
        ExploreFiles.write(dir.resolve("c"), record("3/3", finding(1, 1, 5, false, 3)));
        Files.createDirectories(dir.resolve("not-a-shard"));

        assertThat(MchCommand.execute("report", dir.toString())).as(streams.err()).isZero();

        assertThat(streams.out()).contains("(3 search(es), 3 tries, 30 runs)")
                .contains("smallest breach: failover-time with 2 fault(s) [2 faults] (shard 2/3, seed 1, try 6):"
                        + " b/found.yaml; 5 of 5 replays broke it");
        assertThat(Files.readString(dir.resolve(ExplorePage.FILE))).contains("href=\"b/found.yaml\"");
    }

    private static ExploreRecord record(String shard, ExploreRecord.Finding finding) {
        return new ExploreRecord("weak", 1, "×20", shard, 2, "2/3", 12,
                List.of(new ExploreRecord.Try(finding.tryNumber(), "[...]", "BROKE failover-time", List.of("try-001"))),
                List.of(new ExploreRecord.Step(1, "remove [x]", "[y]", 2, 2, true, List.of("shrink-01", "shrink-01-2"))),
                finding, 10, 0, 20_000, 3, 450_000);
    }

    private static ExploreRecord.Finding finding(int faults, int broke, int replays, boolean reproduced, int tryNumber) {
        return new ExploreRecord.Finding("failover-time", tryNumber, 3, faults, "[" + faults + " faults]", "found.yaml",
                List.of(), replays, broke, reproduced, List.of("confirmed-1"));
    }
}
