package io.mch.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.SampleRun;
import io.mch.reports.history.History;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run report links Gatling's report when a {@code load:} left one in the run directory. */
class GatlingLinkTest {

    @TempDir
    Path dir;

    @Test
    void linksGatlingsNewestIndexWhenPresent() throws Exception {
        for (String run : List.of("mchsimulation-20261124101500123", "mchsimulation-20261123090000000")) {
            Files.createDirectories(dir.resolve("gatling").resolve(run));
            Files.writeString(dir.resolve("gatling").resolve(run).resolve("index.html"), "<html></html>");
        }
        Files.writeString(dir.resolve("gatling/gatling.log"), "");

        HtmlReport.write(dir, SampleRun.record("loaded", List.of()), new History(List.of()));

        assertThat(HtmlReport.gatlingReport(dir)).contains("gatling/mchsimulation-20261124101500123/index.html");
        assertThat(Files.readString(dir.resolve("report.html")))
                .contains("<a href=\"gatling/mchsimulation-20261124101500123/index.html\">Gatling report</a>");
    }

    @Test
    void noLinkWithoutAReport() throws Exception {
        Files.createDirectories(dir.resolve("gatling/mchsimulation-20261124101500123"));

        HtmlReport.write(dir, SampleRun.record("crashed", List.of()), new History(List.of()));

        assertThat(HtmlReport.gatlingReport(dir)).isEmpty();
        assertThat(Files.readString(dir.resolve("report.html"))).doesNotContain("Gatling report");
    }
}
