package io.mch.harness.runtime;

/** How a harness failure reads on the console and in {@code run.json}: its message, then its causes'. */
public final class Failures {

    private Failures() {}

    /**
     * The failure's message and its causes' ("cannot open link a->b: Too many open files"), each
     * once, so the root shows: a wrapper's message alone ("a trial failed") says too little.
     */
    public static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.isEmpty() ? "" : ": ").append(message);
            }
        }
        return text.toString();
    }
}
