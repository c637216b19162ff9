/**
 * Judging a run from its history alone, Jepsen-style: the checkers (PASS, FAIL or UNKNOWN per SLO)
 * and every rule they use — fault windows, failover times, convergence, measurements, latency
 * percentiles, targets, the downtime projection — in one place, so the report's charts and tables
 * read the same rule the verdict was judged by, and {@code history.jsonl} can be judged again
 * without the harness.
 */
package io.mch.reports.judge;
