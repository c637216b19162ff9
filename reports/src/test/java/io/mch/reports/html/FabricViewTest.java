package io.mch.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.SampleRun;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FabricViewTest {

    private static History fabricHistory() {
        List<Event> events = new ArrayList<>(SampleRun.history().events());
        events.add(new Event.SyncStatus(0, "web", "dev", "Synced", ""));
        events.add(new Event.SyncStatus(0, "web", "prod", "Synced", ""));
        events.add(new Event.SyncStatus(3_000, "web", "prod", "Unknown", "timeout"));
        events.add(new Event.SyncStatus(7_000, "web", "prod", "OutOfSync", "1 object to apply"));
        events.add(new Event.StepStarted(2_000, 0, "sync", "commit to web: change config.yaml"));
        events.add(new Event.Measured(4_500, "sync", "web", 2_500, 100, "<b>every</b> target has it"));
        events.add(new Event.Probe(1_000, "us-east", "mesh:api", "us-east", true, 2, null));
        events.add(new Event.Probe(1_100, "us-east", "mesh:api", "eu-west", true, 80, null));
        events.add(new Event.Probe(3_500, "us-east", "mesh:api", null, false, 1000, "timeout (routed to eu-west)"));
        return new History(events);
    }

    @Test
    void collectsMeasurementsTheLastSyncStatusWithTimeUnknownAndMeshRouting() {
        FabricView view = FabricView.of(fabricHistory());
        assertThat(view.measurements()).extracting(FabricView.MeasurementRow::name).contains("sync");
        assertThat(view.syncClusters()).containsExactly("dev", "prod");
        assertThat(view.sync()).singleElement().satisfies(row -> {
            assertThat(row.statuses()).containsExactly("Synced", "OutOfSync");
            assertThat(row.unknownFor()).containsExactly("", "4 s");
        });
        assertThat(view.meshTargets()).containsExactly("eu-west", "us-east");
        assertThat(view.mesh()).singleElement().satisfies(row -> {
            assertThat(row.served()).containsExactly(1L, 1L);
            assertThat(row.failed()).isEqualTo(1);
        });
    }

    @Test
    void theReportShowsTheFabricSectionAndStepsInTheEventLogEscaped() {
        String html = HtmlReport.render(SampleRun.record("hub", SampleRun.slos()), fabricHistory());
        assertThat(html).contains("<h2>Fabric</h2>", "GitOps sync status at the end", "Mesh routing",
                "Unknown for 4 s", "#0 sync: commit to web: change config.yaml")
                .contains("&lt;b&gt;every&lt;/b&gt; target has it")
                .doesNotContain("<b>every</b>");
    }

    @Test
    void aRunWithoutFabricHasNoFabricSection() {
        assertThat(FabricView.of(SampleRun.history()).empty()).isTrue();
        assertThat(HtmlReport.render(SampleRun.record("ap", SampleRun.slos()), SampleRun.history()))
                .doesNotContain("<h2>Fabric</h2>");
    }
}
