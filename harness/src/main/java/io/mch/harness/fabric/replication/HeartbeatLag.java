package io.mch.harness.fabric.replication;

import java.util.Map;
import java.util.NavigableSet;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Replication lag from heartbeats, in the manner of pt-heartbeat: the source writes its current
 * time into a heartbeat object at a steady rate, and a target's copy shows how far behind it is.
 * When a target's heartbeat advances, every heartbeat written since the one it had before arrived
 * at once; the lag reported is that of the oldest of them (the longest any write waited), so a
 * partition of length P shows up as a lag of at least P minus one heartbeat period when it heals,
 * rather than as the small lag of the newest heartbeat that the first pass after the heal carries.
 */
final class HeartbeatLag {

    private final NavigableSet<Long> written = new ConcurrentSkipListSet<>();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final int targets;

    HeartbeatLag(int targets) {
        this.targets = targets;
    }

    /** The source is about to write a heartbeat stamped {@code ms}. */
    void writing(long ms) {
        written.add(ms);
    }

    /** The write stamped {@code ms} failed: it never existed. */
    void failed(long ms) {
        written.remove(ms);
    }

    /**
     * {@code target} was seen holding the heartbeat stamped {@code value} at {@code nowMs}; returns
     * the lag of the oldest write that arrived with it, if the heartbeat is new there.
     */
    OptionalLong seen(String target, long value, long nowMs) {
        Long before = seen.get(target);
        if (before != null && value <= before) {
            return OptionalLong.empty();
        }
        seen.put(target, value);
        Long oldest = before == null ? (written.isEmpty() ? null : written.first()) : written.higher(before);
        long first = oldest == null || oldest > value ? value : oldest;
        forgetDelivered();
        return OptionalLong.of(nowMs - first);
    }

    /** Drops writes every target already has, so the log holds only what is in flight. */
    private void forgetDelivered() {
        if (seen.size() == targets) {
            long everywhere = seen.values().stream().mapToLong(Long::longValue).min().orElseThrow();
            written.headSet(everywhere, false).clear();
        }
    }
}
