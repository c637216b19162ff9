package io.mch.reports.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.SampleRun;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlTest {

    @TempDir
    Path dir;

    @Test
    void oneTestcasePerSloFailedAsFailureUnknownAsSkipped() throws Exception {
        JUnitXml.write(dir, SampleRun.record("ap-partition", SampleRun.slos()));
        Element suite = parse().getDocumentElement();

        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("ap-partition");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("time")).isEqualTo("10");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);

        Element failover = (Element) cases.item(0);
        assertThat(failover.getAttribute("name")).isEqualTo("failover-time");
        assertThat(failover.getElementsByTagName("failure").getLength()).isZero();
        assertThat(failover.getElementsByTagName("skipped").getLength()).isZero();

        Element latency = (Element) cases.item(1);
        Element failure = (Element) latency.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("79.8 ms (p99), target max 50ms");
        assertThat(failure.getTextContent()).isEqualTo("120 ok, 0 failed");

        Element consistency = (Element) cases.item(2);
        Element skipped = (Element) consistency.getElementsByTagName("skipped").item(0);
        assertThat(skipped.getAttribute("message")).isEqualTo("UNKNOWN: no settled consistency sample");
    }

    @Test
    void markupQuotesAndControlCharactersCannotBreakTheFile() throws Exception {
        String nasty = "a<b>&\"c\" ]]> \u0001end";
        JUnitXml.write(dir, SampleRun.record(nasty, List.of(
                new SloResult(nasty, null, 1.0, "%", "min 99%", Verdict.FAIL, nasty),
                new SloResult("other", null, null, "%", null, Verdict.UNKNOWN, nasty))));
        Document doc = parse();
        String clean = "a<b>&\"c\" ]]> end";
        assertThat(doc.getDocumentElement().getAttribute("name")).isEqualTo(clean);
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getTextContent()).isEqualTo(clean);
        Element skipped = (Element) doc.getElementsByTagName("skipped").item(0);
        assertThat(skipped.getAttribute("message")).isEqualTo("UNKNOWN: " + clean);
    }

    private Document parse() throws Exception {
        Path file = dir.resolve("junit.xml");
        assertThat(Files.readString(file)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }
}
