package io.mch.junit;

import io.mch.reports.model.SloResult;
import io.mch.reports.model.Verdict;
import io.mch.reports.judge.SloText;

/** Fluent assertions on one judged SLO of an {@link MchRun}; values are in the SLO's own unit (ms, %). */
public final class SloAssert {

    private final SloResult slo;
    private final MchRun run;

    SloAssert(SloResult slo, MchRun run) {
        this.slo = slo;
        this.run = run;
    }

    /** The judged result itself. */
    public SloResult result() {
        return slo;
    }

    public SloAssert passed() {
        return verdict(Verdict.PASS);
    }

    /** The SLO was breached: a scenario written to show a weakness expects this. */
    public SloAssert failed() {
        return verdict(Verdict.FAIL);
    }

    public SloAssert verdict(Verdict expected) {
        if (slo.verdict() != expected) {
            throw run.fail(slo.name() + " is " + slo.verdict() + ", expected " + expected + describe());
        }
        return this;
    }

    public SloAssert valueAtMost(double max) {
        if (slo.value() == null || slo.value() > max) {
            throw run.fail(slo.name() + " should be at most " + max + " " + slo.unit() + describe());
        }
        return this;
    }

    public SloAssert valueAtLeast(double min) {
        if (slo.value() == null || slo.value() < min) {
            throw run.fail(slo.name() + " should be at least " + min + " " + slo.unit() + describe());
        }
        return this;
    }

    private String describe() {
        return " (measured " + SloText.value(slo) + ", target " + SloText.target(slo)
                + (slo.detail() == null ? "" : "; " + slo.detail()) + ")";
    }
}
