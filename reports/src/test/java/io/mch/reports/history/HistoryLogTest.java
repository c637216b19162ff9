package io.mch.reports.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mch.reports.SampleRun;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryLogTest {

    @TempDir
    Path dir;

    @Test
    void everyEventTypeSurvivesTheFileAsOneLineEach() {
        Path file = dir.resolve("history.jsonl");
        List<Event> all = List.of(
                new Event.RunStarted(0, "s", "t", "embedded", 7, 1000, 50, 500,
                        List.of(new Event.ClusterInfo("a", "r1", "active", 3)), 2,
                        List.of(new Event.RegionRtt("r1", "r2", 76.5))),
                new Event.Probe(10, "clients", "global", "a", true, 12.5, null),
                new Event.Probe(20, "a", "b", null, false, 1000, "connect refused"),
                new Event.FaultStarted(30, 0, "partition", "a cut off", List.of("a"), List.of("b", "clients")),
                new Event.FaultHealed(40, 0, "partition"),
                new Event.Serving(50, null, "none healthy"),
                new Event.NodeStatus(60, "a", "n1", "NotReady"),
                new Event.ConsistencySample(70, "a", "configmap/x", true, true),
                new Event.RunEnded(80, "completed", Map.of("a", "Healthy")));
        try (HistoryLog log = HistoryLog.create(file)) {
            all.forEach(log::append);
            assertThat(log.events()).isEqualTo(all);
        }
        assertThat(HistoryLog.read(file).events()).isEqualTo(all);
        assertThat(lines(file)).hasSize(all.size()).allSatisfy(l -> assertThat(l).startsWith("{\"type\":"));
        assertThat(lines(file).get(1)).contains("\"t_ms\":10").contains("\"latency_ms\":12.5");
    }

    @Test
    void linesWrittenBeforeFaultSidesAndRttsWereRecordedReadWithEmptyLists() throws Exception {
        Path file = dir.resolve("history.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"type\":\"run-started\",\"t_ms\":0,\"scenario\":\"s\",\"topology\":\"t\",\"backend\":\"embedded\","
                        + "\"seed\":7,\"duration_ms\":1000,\"probe_interval_ms\":50.0,\"cross_probe_interval_ms\":500.0,"
                        + "\"clusters\":[{\"name\":\"a\",\"region\":\"r1\",\"role\":\"active\",\"nodes\":3}]}",
                "{\"type\":\"fault-started\",\"t_ms\":30,\"index\":0,\"fault\":\"partition\",\"description\":\"a cut off\"}",
                ""));
        assertThat(HistoryLog.read(file).events()).containsExactly(
                new Event.RunStarted(0, "s", "t", "embedded", 7, 1000, 50, 500,
                        List.of(new Event.ClusterInfo("a", "r1", "active", 3)), 1, List.of()),
                new Event.FaultStarted(30, 0, "partition", "a cut off", List.of(), List.of()));
    }

    @Test
    void aTruncatedLastLineIsDroppedButACorruptMiddleLineIsAnError() throws Exception {
        Path file = dir.resolve("history.jsonl");
        try (HistoryLog log = HistoryLog.create(file)) {
            log.append(new Event.FaultStarted(1, 0, "partition", "é"));
            log.append(new Event.FaultHealed(2, 0, "partition"));
        }
        byte[] whole = Files.readAllBytes(file);
        String first = lines(file).get(0);
        // Cut the file in the middle of the second line, and also inside a multi-byte character.
        assertThat(HistoryLog.readFile(file).lastLineCut()).isFalse();
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 10));
        assertThat(HistoryLog.read(file).events()).containsExactly(new Event.FaultStarted(1, 0, "partition", "é"));
        assertThat(HistoryLog.readFile(file).lastLineCut()).as("said so").isTrue();
        int cut = first.getBytes(StandardCharsets.UTF_8).length - 3;
        Files.write(file, java.util.Arrays.copyOf(whole, cut));
        assertThat(HistoryLog.read(file).events()).isEmpty();

        Files.writeString(file, "{\"type\":\"fault-healed\",\"t_ms\":1\n" + first + "\n");
        assertThatThrownBy(() -> HistoryLog.read(file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("history.jsonl:1");
    }

    @Test
    void appendedEventsReachTheFileWithinAboutASecondWithoutClosing() {
        Path file = dir.resolve("history.jsonl");
        try (HistoryLog log = HistoryLog.create(file)) {
            log.append(new Event.Serving(5, "a", "primary"));
            await().atMost(Duration.ofSeconds(5)).until(() -> lines(file).size() == 1);
            assertThat(HistoryLog.read(file).events()).containsExactly(new Event.Serving(5, "a", "primary"));
        }
    }

    @Test
    void concurrentAppendsKeepWholeLinesAndCloseLeavesNoThread() throws Exception {
        Path file = dir.resolve("history.jsonl");
        int threads = 4;
        int perThread = 500;
        try (HistoryLog log = HistoryLog.create(file)) {
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                String source = "c" + w;
                Thread t = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        log.append(new Event.Probe(i, source, "global", "a", true, 1, null));
                    }
                }, "mch-test-writer-" + w);
                writers.add(t);
                t.start();
            }
            for (Thread t : writers) {
                t.join(10_000);
            }
            assertThat(log.events()).hasSize(threads * perThread);
        }
        History read = HistoryLog.read(file);
        assertThat(read.globalProbes()).hasSize(threads * perThread);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("mch-history-flush") && t.isAlive());
    }

    @Test
    void appendAfterCloseIsRefused() {
        HistoryLog log = HistoryLog.create(dir.resolve("sub/history.jsonl"));
        log.close();
        assertThatThrownBy(() -> log.append(new Event.FaultHealed(1, 0, "x"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSampleRunRoundTrips() {
        Path file = dir.resolve("history.jsonl");
        History history = SampleRun.history();
        try (HistoryLog log = HistoryLog.create(file)) {
            history.events().forEach(log::append);
        }
        assertThat(HistoryLog.read(file)).isEqualTo(history);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
