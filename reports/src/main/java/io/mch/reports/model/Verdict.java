package io.mch.reports.model;

/** Three-valued, as in Jepsen: UNKNOWN when the history cannot decide (or a checker failed). */
public enum Verdict {
    PASS,
    FAIL,
    UNKNOWN;

    /** The verdict of a run: FAIL beats UNKNOWN beats PASS; no SLO at all is UNKNOWN. */
    public static Verdict combine(Iterable<Verdict> verdicts) {
        boolean any = false;
        Verdict worst = PASS;
        for (Verdict v : verdicts) {
            any = true;
            if (v == FAIL) {
                return FAIL;
            }
            if (v == UNKNOWN) {
                worst = UNKNOWN;
            }
        }
        return any ? worst : UNKNOWN;
    }
}
