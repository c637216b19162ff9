package io.mch.harness.runtime;

import io.mch.reports.model.Redaction;
import java.io.PrintStream;

/**
 * Where a run talks to the person watching it: progress goes to stderr, so stdout carries only the
 * summary table and stays pipeable. Everything goes through {@link Redaction}: console output ends
 * up in CI logs.
 */
public final class Console {

    private final PrintStream progress;
    private final PrintStream out;

    public Console(PrintStream out, PrintStream progress) {
        this.out = out;
        this.progress = progress;
    }

    public static Console system() {
        return new Console(System.out, System.err);
    }

    public static Console silent() {
        PrintStream none = new PrintStream(PrintStream.nullOutputStream());
        return new Console(none, none);
    }

    public void progress(String line) {
        progress.println("mch: " + Redaction.clean(line));
        progress.flush();
    }

    public void print(String text) {
        out.print(Redaction.clean(text));
        out.flush();
    }
}
