package io.mch.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.history.Event;
import io.mch.reports.history.HistoryLog;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.json and history.jsonl keep no credential that an error or a remote answer quoted. */
class WrittenSecretsTest {

    private static final String KEY_DATA = "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVB";
    private static final String TOKEN = "sha256~Zk9xQ2x3bVdYc1R0b2tlbg";
    private static final String PEM_BODY = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun";
    private static final String LEAK = "client-key-data: " + KEY_DATA + " Authorization: Bearer " + TOKEN
            + " -----BEGIN RSA PRIVATE KEY-----\n" + PEM_BODY + "\n-----END RSA PRIVATE KEY-----";

    @TempDir
    Path dir;

    @Test
    void runJsonIsRedactedAndStillTheRunRecord() throws Exception {
        RunRecord run = new RunRecord("s", "t", "embedded", 1, Verdict.FAIL,
                List.of(new SloResult("availability", null, 50.0, "%", "min 99%", Verdict.FAIL, "probe said " + LEAK)),
                List.of(), Map.of(), "Synced", List.of(), "about " + LEAK, 1_000, 100, null, "failed: " + LEAK);

        RunFiles.writeRunJson(dir, run);

        String json = Files.readString(dir.resolve(RunFiles.RUN_JSON));
        assertThat(json).doesNotContain(KEY_DATA, TOKEN, PEM_BODY);
        RunRecord read = RunFiles.readRunJson(dir);
        assertThat(read.endReason()).isEqualTo("failed: client-key-data: [redacted] Authorization: Bearer [redacted] [redacted]");
        assertThat(read.slos().get(0).detail()).startsWith("probe said client-key-data: [redacted]");
    }

    @Test
    void historyLinesAreRedactedAndStayReadable() throws Exception {
        Path file = dir.resolve("history.jsonl");
        try (HistoryLog log = HistoryLog.create(file)) {
            log.append(new Event.Probe(100, "clients", "global", null, false, 12.5, "HTTP 401: " + LEAK));
            log.append(new Event.RunEnded(200, "failed: token=" + TOKEN, Map.of("east", "Healthy")));
        }

        assertThat(Files.readString(file)).doesNotContain(KEY_DATA, TOKEN, PEM_BODY);
        var events = HistoryLog.read(file).events();
        assertThat(events).hasSize(2);
        assertThat(((Event.Probe) events.get(0)).error()).startsWith("HTTP 401: client-key-data: [redacted]");
        assertThat(((Event.RunEnded) events.get(1)).reason()).isEqualTo("failed: token=[redacted]");
    }
}
