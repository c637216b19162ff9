package io.mch.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.RunFiles;
import io.mch.reports.RunRecords;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.history.HistoryLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command line's exit codes and messages, as scripts and CI rely on them. */
class MchCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @Test
    void validateReportsEachProblemWithFileLineAndFieldAndExitsTwo() throws Exception {
        Path topology = Files.writeString(dir.resolve("t.yaml"), """
                name: t
                clusters:
                  - { name: us-east, region: r1, role: active }
                """);
        Path scenario = Files.writeString(dir.resolve("s.yaml"), """
                name: s
                topology: t.yaml
                duration: 1m
                faults:
                  - at: 10s
                    cluster-loss: { cluster: us-est }
                """);

        assertThat(MchCommand.execute("validate", topology.toString(), scenario.toString())).isEqualTo(2);

        assertThat(streams.out()).contains("ok: " + topology);
        assertThat(streams.err()).contains(scenario + ":6:").contains("faults[0].cluster-loss.cluster")
                .contains("us-est").contains("us-east");
    }

    @Test
    void runWithBadInputStartsNothingAndExitsTwo() throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), "name: s\nduration: soon\n");

        assertThat(MchCommand.execute("run", scenario.toString(), "--out", dir.resolve("out").toString())).isEqualTo(2);

        assertThat(streams.err()).contains("duration").contains("nothing was run");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anUnavailableBackendIsAUsageError() throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), "name: s\ntopology: t.yaml\nduration: 1m\n");
        Files.writeString(dir.resolve("t.yaml"), "name: t\nclusters:\n  - { name: a, region: r, role: active }\n");

        assertThat(MchCommand.execute("run", scenario.toString(), "--backend", "nosuch")).isEqualTo(2);
        assertThat(streams.err()).contains("--backend nosuch: unknown backend; choose embedded, k3s or kubeconfig");
    }

    @Test
    void k3sWithoutItsImageIsRefusedBeforeAnythingRuns() throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), "name: s\ntopology: t.yaml\nduration: 1m\n");
        Files.writeString(dir.resolve("t.yaml"), "name: t\nclusters:\n  - { name: a, region: r, role: active }\n");

        // A registry on a closed loopback port: nothing is pulled from, or sent to, anywhere else.
        assertThat(MchCommand.execute("run", scenario.toString(), "--backend", "k3s", "--k3s-image",
                "127.0.0.1:1/rancher/k3s:v0-absent", "--out", dir.resolve("out").toString())).isEqualTo(2);
        assertThat(streams.err()).contains("the k3s backend needs").contains("nothing was run");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void exploreWithoutAnExploreSectionIsBadInput() throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), "name: s\ntopology: t.yaml\nduration: 1m\n");
        Files.writeString(dir.resolve("t.yaml"), "name: t\nclusters:\n  - { name: a, region: r, role: active }\n");

        assertThat(MchCommand.execute("explore", scenario.toString(), "--out", dir.resolve("out").toString()))
                .isEqualTo(2);
        assertThat(streams.err()).contains("explore");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(MchCommand.execute()).isEqualTo(2);
        assertThat(MchCommand.execute("run")).isEqualTo(2);
        assertThat(MchCommand.execute("report", dir.toString())).isEqualTo(2);
        assertThat(streams.err()).contains("run.json: not found");
    }

    @Test
    void reportRebuildsTheHtmlFromTheRecordedFilesAlone() throws Exception {
        List<Event> events = List.of(
                new Event.RunStarted(0, "replayed", "t", "embedded", 3, 2_000, 50, 200, List.of()),
                new Event.Probe(0, "clients", "global", "a", true, 1.5, null),
                new Event.RunEnded(2_000, "completed", Map.of()));
        try (HistoryLog log = HistoryLog.create(dir.resolve("history.jsonl"))) {
            events.forEach(log::append);
        }
        RunFiles.writeRunJson(dir, RunRecords.of(new History(events), List.of(), null, null));

        assertThat(MchCommand.execute("report", dir.toString())).isEqualTo(0);

        assertThat(Files.readString(dir.resolve("report.html"))).contains("replayed");
    }
}
