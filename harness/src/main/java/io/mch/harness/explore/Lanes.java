package io.mch.harness.explore;

/**
 * How many runs may go at once, adapting to what the machine can carry. A run that could not keep
 * its probe rate decides nothing (mch's own lag), so each such run closes a lane, down to one; a
 * lane reopens, up to the lanes asked for, after as many decisive runs in a row as lanes are open
 * (a search also begins with one lane open: {@link #slowStart()}).
 * This is the additive-increase, multiplicative-decrease idea of TCP's congestion control, made
 * gentler: a busy machine loses lanes one at a time, and a search on it goes slower instead of
 * spending its tries on runs that decide nothing.
 */
final class Lanes {

    private final int most;
    private int open;
    private int busy;
    private int decisiveInARow;
    private int fewest;

    Lanes(int most) {
        if (most < 1) {
            throw new IllegalArgumentException("lanes must be at least 1, not " + most);
        }
        this.most = most;
        this.open = most;
        this.fewest = most;
    }

    /**
     * Opens one lane only, to begin with: the first runs of a fresh JVM compile the code they run,
     * and several at once on a cold JVM miss their probe rate together (measured: a first wave of 4
     * on two cores decided nothing). The lanes then open as decisive runs come, as after a closing.
     */
    synchronized Lanes slowStart() {
        open = 1;
        decisiveInARow = 0;
        return this;
    }

    /** Waits for an open lane. */
    synchronized void enter() throws InterruptedException {
        while (busy >= open) {
            wait();
        }
        busy++;
    }

    /** Leaves the lane. */
    synchronized void leave() {
        busy--;
        notifyAll();
    }

    /** Counts a run that ended: one that decided nothing closes a lane, a row of decisive ones reopens one. */
    synchronized void counted(boolean decisive) {
        if (!decisive) {
            decisiveInARow = 0;
            if (open > 1) {
                open--;
                fewest = Math.min(fewest, open);
            }
        } else if (++decisiveInARow >= open && open < most) {
            open++;
            decisiveInARow = 0;
            notifyAll();
        }
    }

    /** Lanes open now. */
    synchronized int open() {
        return open;
    }

    /** The fewest lanes open after a run decided nothing (the lanes asked for if none ever closed). */
    synchronized int fewest() {
        return fewest;
    }
}
