package io.mch.reports.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blanks credentials out of the free text a report prints (probe errors, SLO details, fault and
 * run descriptions, reasons). That text comes from remote answers and exception messages, which can
 * quote a kubeconfig or a request header, and a report is meant to be attached and mailed.
 */
public final class Redaction {

    public static final String REDACTED = "[redacted]";

    /** A kubeconfig or header key that names a secret, then its value. */
    private static final Pattern KEYED = Pattern.compile(
            "(?i)(client-key-data|client-certificate-data|certificate-authority-data|id-token|refresh-token"
                    + "|access-token|token|password|passwd|secret|api-key|apikey)(\"?\\s*[:=]\\s*\"?)([^\\s\"',;}]+)");
    private static final Pattern PEM = Pattern.compile("(?s)-----BEGIN [A-Z ]+-----.*?(-----END [A-Z ]+-----|$)");
    private static final Pattern AUTHORIZATION = Pattern.compile("\\b((?i:bearer)|Basic)\\s+[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private Redaction() {}

    /** The text with every credential-looking value replaced; null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String out = PEM.matcher(text).replaceAll(REDACTED);
        out = JWT.matcher(out).replaceAll(REDACTED);
        out = AUTHORIZATION.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + REDACTED));
        out = KEYED.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + REDACTED));
        return out;
    }
}
