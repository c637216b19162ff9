package io.mch.reports.junit;

import io.mch.reports.judge.SloText;
import io.mch.reports.model.RunRecord;
import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml} for CI systems that show test results: one testcase per SLO, so a failed SLO
 * shows up as a failed test and an undecidable one as skipped, under a suite named after the
 * scenario.
 */
public final class JUnitXml {

    public static final String FILE = "junit.xml";

    private JUnitXml() {}

    public static void write(Path dir, RunRecord run) {
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(file)) {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                writeSuite(xml, run);
                xml.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    private static void writeSuite(XMLStreamWriter xml, RunRecord run) throws XMLStreamException {
        List<SloResult> slos = run.slos() == null ? List.of() : run.slos();
        String suite = clean(run.scenario());
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite);
        xml.writeAttribute("tests", Integer.toString(slos.size()));
        xml.writeAttribute("failures", Long.toString(count(slos, Verdict.FAIL)));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(slos.size() - count(slos, Verdict.FAIL) - count(slos, Verdict.PASS)));
        xml.writeAttribute("time", seconds(run.durationMs()));
        for (SloResult slo : slos) {
            xml.writeCharacters("\n  ");
            writeCase(xml, suite, slo);
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private static void writeCase(XMLStreamWriter xml, String suite, SloResult slo) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", suite);
        xml.writeAttribute("name", clean(slo.name()));
        xml.writeAttribute("time", "0");
        String measured = SloText.value(slo) + ", target " + SloText.target(slo);
        if (slo.verdict() == Verdict.FAIL) {
            xml.writeStartElement("failure");
            xml.writeAttribute("type", "SLO");
            xml.writeAttribute("message", clean(measured));
            xml.writeCharacters(clean(slo.detail()));
            xml.writeEndElement();
        } else if (slo.verdict() != Verdict.PASS) {
            xml.writeStartElement("skipped");
            xml.writeAttribute("message", clean("UNKNOWN: " + (slo.detail() == null ? measured : slo.detail())));
            xml.writeEndElement();
        } else if (slo.detail() != null) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(clean(measured + "; " + slo.detail()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static long count(List<SloResult> slos, Verdict verdict) {
        return slos.stream().filter(s -> s.verdict() == verdict).count();
    }

    private static String seconds(long ms) {
        return SloText.number(ms / 1000.0);
    }

    /** The writer escapes markup but not characters XML 1.0 forbids outright; those are dropped. */
    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000)
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
