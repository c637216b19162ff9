package io.mch.reports.model;

/**
 * One figure measured in a run, in scenario milliseconds, with the resolution of the observations
 * it came from. {@code atMs} is when it completed. {@code subject} says of what: a cluster, a pair
 * {@code a->b}, an application.
 */
public record Measurement(String name, String subject, double valueMs, double resolutionMs, long atMs, String detail) {}
