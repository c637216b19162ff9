package io.mch.faults.proxy;

/** A direction on a link: UPSTREAM carries the client's bytes, DOWNSTREAM the server's. */
public enum Direction {
    UPSTREAM,
    DOWNSTREAM
}
