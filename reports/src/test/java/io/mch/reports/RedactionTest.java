package io.mch.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.html.HtmlReport;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import io.mch.reports.model.Redaction;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final String KEY_DATA = "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVB";
    private static final String JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6IiJ9.eyJzdWIiOiJzeXN0ZW06YWRtaW4ifQ.c2lnbmF0dXJl";
    private static final String TOKEN = "sha256~Zk9xQ2x3bVdYc1R0b2tlbg";

    @Test
    void kubeconfigKeysHeadersTokensAndPemBlocksAreBlankedAndTheRestKept() {
        assertThat(Redaction.clean("users:\n- user:\n    client-key-data: " + KEY_DATA + "\n    token: " + TOKEN))
                .isEqualTo("users:\n- user:\n    client-key-data: [redacted]\n    token: [redacted]");
        assertThat(Redaction.clean("GET /api failed; Authorization: Bearer " + TOKEN + " rejected"))
                .isEqualTo("GET /api failed; Authorization: Bearer [redacted] rejected");
        assertThat(Redaction.clean("{\"password\":\"hunter22\",\"user\":\"admin\"}"))
                .isEqualTo("{\"password\":\"[redacted]\",\"user\":\"admin\"}");
        assertThat(Redaction.clean("401 for " + JWT)).isEqualTo("401 for [redacted]");
        assertThat(Redaction.clean("x -----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY----- y"))
                .isEqualTo("x [redacted] y");
        // Ordinary errors pass unchanged, including the word "basic" and a short "bearer".
        assertThat(Redaction.clean("connect timed out after 1000 ms (basic health check)"))
                .isEqualTo("connect timed out after 1000 ms (basic health check)");
        assertThat(Redaction.clean(null)).isNull();
    }

    @Test
    void aReportNeverPrintsKubeconfigCredentialsFromAnyFreeText() {
        String leak = "client-key-data: " + KEY_DATA + " Authorization: Bearer " + TOKEN + " id " + JWT;
        RunRecord base = SampleRun.record("leaky", List.of(
                new SloResult("availability", null, 50.0, "%", "min 99.9%", Verdict.FAIL, "checker: " + leak)));
        RunRecord run = new RunRecord(base.scenario(), base.topology(), base.backend(), base.seed(), base.verdict(),
                base.slos(), base.faults(), base.clusterStatus(), base.syncStatus(), base.health(), "about " + leak,
                base.durationMs(), base.probeIntervalMs(), base.startedAt(), "failed: " + leak);
        List<Event> events = new ArrayList<>();
        events.add(new Event.RunStarted(0, "leaky", "t", "embedded", 1, 3_000, 100, 500, List.of()));
        events.add(new Event.FaultStarted(500, 0, "partition", "cut " + leak));
        events.add(new Event.Serving(600, "eu-west", "probe said " + leak));
        for (long t = 0; t < 3_000; t += 100) {
            events.add(new Event.Probe(t, "clients", "global", null, t < 500, 5, t < 500 ? null : "HTTP 401: " + leak));
        }
        events.add(new Event.RunEnded(3_000, "failed: " + leak, Map.of()));

        String html = HtmlReport.render(run, new History(events));

        assertThat(html).doesNotContain(KEY_DATA, TOKEN, JWT, "sha256~");
        // Each place still says what happened, around the blanked value.
        assertThat(html).contains("HTTP 401: client-key-data: [redacted] Authorization: Bearer [redacted] id [redacted]",
                "checker: client-key-data: [redacted]", "about client-key-data", "cut client-key-data: [redacted]",
                "probe said client-key-data", "ended: failed: client-key-data: [redacted]");
    }
}
