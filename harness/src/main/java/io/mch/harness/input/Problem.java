package io.mch.harness.input;

import io.mch.reports.model.Redaction;
import java.nio.file.Path;

/**
 * One problem in an input file, located like a compiler error so editors can jump to it:
 * {@code file:line:column: field.path: message}. Line and column are 1-based; 0 when unknown.
 * Printed through {@link Redaction}: a quoted value may be a credential, and these lines end up in
 * CI logs.
 */
public record Problem(Path file, int line, int column, String field, String message) {

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file.toString();
        return Redaction.clean(field == null || field.isEmpty()
                ? where + ": " + message
                : where + ": " + field + ": " + message);
    }
}
