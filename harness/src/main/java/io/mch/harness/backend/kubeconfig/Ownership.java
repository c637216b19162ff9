package io.mch.harness.backend.kubeconfig;

import java.util.Locale;
import java.util.Map;

/**
 * The marks mch leaves on an existing cluster, so that whatever a run changed can be found and
 * undone later, also after the run was killed ({@code mch heal}): every object mch creates carries
 * the labels {@value #MANAGED_BY}={@value #MCH} and {@value #RUN}=the run id; a node mch cordons
 * carries the annotation {@value #CORDONED_BY}; every taint mch adds has a key under
 * {@value #TAINT_PREFIX}.
 */
public final class Ownership {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MCH = "mch";
    public static final String RUN = "mch.io/run";
    public static final String CORDONED_BY = "mch.io/cordoned-by";
    public static final String TAINT_PREFIX = "mch.io/";
    /** The taint a node loss puts on its nodes; its value is the run id. */
    public static final String NODE_LOSS_TAINT = TAINT_PREFIX + "node-loss";

    private static final int MAX_LABEL_VALUE = 63;

    private Ownership() {}

    /** The labels of everything run {@code runId} creates. */
    public static Map<String, String> labels(String runId) {
        return Map.of(MANAGED_BY, MCH, RUN, runId);
    }

    /**
     * {@code raw} as a valid label value (at most 63 characters of {@code [a-z0-9A-Z-_.]}, starting
     * and ending alphanumeric), so a run directory's name can serve as the run id.
     */
    public static String labelValue(String raw) {
        String cleaned = raw.replaceAll("[^A-Za-z0-9._-]", "-");
        if (cleaned.length() > MAX_LABEL_VALUE) {
            cleaned = cleaned.substring(cleaned.length() - MAX_LABEL_VALUE);
        }
        cleaned = cleaned.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
        if (cleaned.isEmpty()) {
            throw new IllegalArgumentException("'" + raw + "' has no letter or digit to make a run id of");
        }
        return cleaned.toLowerCase(Locale.ROOT);
    }
}
