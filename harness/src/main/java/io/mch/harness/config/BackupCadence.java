package io.mch.harness.config;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * When a Velero Schedule takes its backups, in scenario time. Velero runs a schedule's first
 * backup as soon as the schedule exists (it has no last backup, so one is due), unless
 * {@code skipImmediately}; then each backup at the cron expression's next time after the last
 * one; a {@code paused} schedule takes none.
 *
 * <p><b>Wall-clock cron on the run's clock.</b> A cron expression names wall-clock times, and a
 * run's clock is scenario time, compressed by {@code --time-scale}. mch evaluates the expression
 * on the scenario clock, with scenario time 0 at {@link #CLOCK_START} (a Monday, 00:00 UTC), so
 * {@code 0 *}{@code /6 * * *} fires at 6 h, 12 h and 18 h of scenario time whatever the real time
 * of day and however compressed the run: the same schedule fires at the same scenario times in
 * every run. {@code @every d} fires every {@code d} after the last backup (robfig/cron's constant
 * delay, which Velero uses).
 *
 * @param cron the five-field expression (a descriptor such as {@code @daily} is given as its
 *     expression), as {@link #parse} accepts it; empty for {@code @every}
 * @param every the {@code @every} period; empty for a cron expression
 */
public record BackupCadence(Optional<String> cron, Optional<Duration> every, boolean paused, boolean skipImmediately) {

    /** The wall-clock instant scenario time 0 stands for when a cron expression is evaluated. */
    public static final Instant CLOCK_START = Instant.parse("2024-01-01T00:00:00Z");

    /** Five fields, as robfig/cron's standard parser (Velero's) reads them. */
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    /**
     * A five-field expression (minute, hour, day of month, month, day of week).
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static Cron parse(String expression) {
        return PARSER.parse(expression).validate();
    }

    /** A constant period, as {@code @every d} or mch's own {@code every:} key. */
    public static BackupCadence every(Duration period) {
        return new BackupCadence(Optional.empty(), Optional.of(period), false, false);
    }

    /** The scenario time of the first backup, empty when the schedule takes none. */
    public OptionalLong firstMs() {
        if (paused) {
            return OptionalLong.empty();
        }
        return skipImmediately ? nextMs(0) : OptionalLong.of(0);
    }

    /** The scenario time of the backup after one at {@code lastMs}; empty when there is none. */
    public OptionalLong nextMs(long lastMs) {
        if (paused) {
            return OptionalLong.empty();
        }
        if (every.isPresent()) {
            return OptionalLong.of(lastMs + every.get().toMillis());
        }
        ZonedDateTime last = ZonedDateTime.ofInstant(CLOCK_START.plusMillis(lastMs), ZoneOffset.UTC);
        return ExecutionTime.forCron(parse(cron.orElseThrow())).nextExecution(last)
                .map(next -> OptionalLong.of(Duration.between(CLOCK_START, next.toInstant()).toMillis()))
                .orElse(OptionalLong.empty());
    }

    /** This cadence with {@code period} instead of its expression: paused and skipImmediately stay. */
    public BackupCadence withEvery(Duration period) {
        return new BackupCadence(Optional.empty(), Optional.of(period), paused, skipImmediately);
    }

    @Override
    public String toString() {
        String when = cron.orElseGet(() -> "@every " + every.orElseThrow());
        return when + (paused ? " (paused)" : "") + (skipImmediately ? " (skipImmediately)" : "");
    }
}
