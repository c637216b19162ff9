package io.mch.reports.judge;

import java.util.Locale;

/** Scenario times as the report and the judge's texts print them: seconds since the run started. */
public final class Times {

    private Times() {}

    public static String seconds(long ms) {
        return ms % 1000 == 0
                ? ms / 1000 + " s"
                : String.format(Locale.ROOT, "%.3f s", ms / 1000.0);
    }
}
