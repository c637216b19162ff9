package io.mch.faults.spec;

/**
 * Which traffic a partition drops, seen from its {@code between} side: {@code TO} drops what
 * {@code between} sends to {@code and}, {@code FROM} drops what it receives from {@code and}.
 */
public enum PartitionDirection {
    BOTH,
    TO,
    FROM
}
