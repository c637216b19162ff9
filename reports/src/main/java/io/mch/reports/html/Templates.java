package io.mch.reports.html;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one Pebble engine for the HTML pages: autoescaping on, so recorded strings (scenario names,
 * details, errors, directory names) can never become markup, and strict variables, so a template
 * typo fails a test instead of rendering blank.
 */
final class Templates {

    private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
            .loader(new ClasspathLoader(Templates.class.getClassLoader()))
            .autoEscaping(true)
            .strictVariables(true)
            .build();

    private Templates() {}

    /** Writes a rendered page to {@code file}, UTF-8. */
    static void write(Path file, String page) {
        try {
            Files.writeString(file, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** @param name a template beside this class, e.g. {@code report.peb} */
    static String render(String name, Map<String, Object> context) {
        StringWriter out = new StringWriter();
        try {
            ENGINE.getTemplate("io/mch/reports/html/" + name).evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
