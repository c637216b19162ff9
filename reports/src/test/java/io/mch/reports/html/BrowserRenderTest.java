package io.mch.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.SampleRun;
import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens a failed run's report in a real browser, headless Chromium, because string assertions on the
 * HTML cannot tell whether the inline SVG parses and shows: the rendered DOM must hold every chart,
 * the browser must log no script error, and a screenshot is left in {@code target/} for a person
 * to look at. Skipped where Debian's chromium is not installed ({@code .ci/run} installs it).
 */
class BrowserRenderTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_S = 60;
    private static final Path OUT = Path.of("target", "browser");

    private static Path report;

    @BeforeAll
    static void renderAFailedRun() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "/usr/bin/chromium is not installed (apt-get install chromium): the browser check is skipped");
        List<Event> events = new ArrayList<>(SampleRun.history().events());
        for (long t = 0; t < 10_000; t += 500) {
            boolean slow = t >= 3_000 && t < 8_000;
            events.add(new Event.Probe(t, "us-east", "eu-west", "eu-west", true, slow ? 90 : 12, null));
            events.add(new Event.Probe(t, "eu-west", "us-east", "us-east", true, 11, null));
            events.add(new Event.ConsistencySample(t, "eu-west", "configmap/app", t < 3_000 || t >= 9_000, t >= 9_000));
        }
        HtmlReport.write(OUT, SampleRun.record("ap-partition", SampleRun.slos()), new History(events));
        report = OUT.resolve(HtmlReport.FILE).toAbsolutePath();
    }

    @Test
    void everyChartAndTheBannerAreInTheRenderedDomWithoutScriptErrors() throws Exception {
        Run run = chromium("--enable-logging=stderr", "--v=0", "--dump-dom", report.toUri().toString());

        assertThat(run.stdout()).contains("<svg id=\"chart-traffic\"", "<svg id=\"chart-cross-latency\"",
                "<svg id=\"chart-consistency\"", "class=\"banner FAIL\"", "ap-partition: global traffic");
        assertThat(run.stderr()).doesNotContain("Uncaught");
    }

    @Test
    void aScreenshotOfTheFirstScreenIsLeftInTarget() throws Exception {
        Path screenshot = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);

        chromium("--screenshot=" + screenshot, "--window-size=1280,900", report.toUri().toString());

        byte[] png = Files.readAllBytes(screenshot);
        assertThat(png).hasSizeGreaterThan(10_000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    private record Run(String stdout, String stderr) {}

    /** Runs headless Chromium with a fresh profile, killed after {@value #TIMEOUT_S} s; the profile is removed. */
    private static Run chromium(String... args) throws Exception {
        Path profile = Files.createTempDirectory("mch-chromium-");
        Path stdout = profile.resolveSibling(profile.getFileName() + ".out");
        Path stderr = profile.resolveSibling(profile.getFileName() + ".err");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            boolean exited = process.waitFor(TIMEOUT_S, TimeUnit.SECONDS);
            assertThat(exited).as("chromium exited within " + TIMEOUT_S + " s").isTrue();
            assertThat(process.exitValue()).as("chromium exit code; stderr: " + Files.readString(stderr)).isZero();
            return new Run(Files.readString(stdout), Files.readString(stderr));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.onExit().get(10, TimeUnit.SECONDS);
            delete(profile);
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
