package io.mch.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** When Velero's schedules fire on the run's clock (scenario time 0 = Monday 2024-01-01 00:00 UTC). */
class BackupCadenceTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();

    @Test
    void everySixHoursFiresAtOnceThenAtSixTwelveAndEighteenHours() {
        var cadence = cron("0 */6 * * *", false);
        assertThat(times(cadence, 24 * HOUR)).containsExactly(0L, 6 * HOUR, 12 * HOUR, 18 * HOUR);
    }

    @Test
    void skipImmediatelyWaitsForTheFirstTimeTheExpressionNames() {
        assertThat(times(cron("0 */6 * * *", true), 24 * HOUR)).containsExactly(6 * HOUR, 12 * HOUR, 18 * HOUR);
        assertThat(times(cron("30 1 * * *", true), 48 * HOUR)).containsExactly(HOUR + 30 * 60_000, 25 * HOUR + 30 * 60_000);
    }

    @Test
    void theNextTimeCountsFromTheLastBackupAsVeleroDoes() {
        var cadence = cron("*/5 * * * *", false);
        assertThat(cadence.nextMs(7 * 60_000 + 12_345)).hasValue(10 * 60_000);
        assertThat(cadence.nextMs(10 * 60_000)).hasValue(15 * 60_000);
    }

    @Test
    void dayOfWeekFieldsFollowTheMondayTheRunStartsOn() {
        assertThat(cron("0 0 * * 2", true).firstMs()).hasValue(24 * HOUR);
    }

    @Test
    void aPausedScheduleTakesNoBackup() {
        var paused = new BackupCadence(Optional.of("0 */6 * * *"), Optional.empty(), true, false);
        assertThat(paused.firstMs()).isEmpty();
        assertThat(paused.nextMs(0)).isEmpty();
        assertThat(BackupCadence.every(Duration.ofMinutes(1)).withEvery(Duration.ofSeconds(10)).nextMs(5_000)).hasValue(15_000);
    }

    @Test
    void refusesWhatIsNotAFiveFieldExpression() {
        assertThatThrownBy(() -> BackupCadence.parse("0 */6 * *")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BackupCadence.parse("0 0 */6 * * *")).isInstanceOf(IllegalArgumentException.class);
    }

    private static BackupCadence cron(String expression, boolean skipImmediately) {
        return new BackupCadence(Optional.of(expression), Optional.empty(), false, skipImmediately);
    }

    private static List<Long> times(BackupCadence cadence, long untilMs) {
        List<Long> times = new ArrayList<>();
        for (OptionalLong t = cadence.firstMs(); t.isPresent() && t.getAsLong() < untilMs; t = cadence.nextMs(t.getAsLong())) {
            times.add(t.getAsLong());
        }
        return times;
    }
}
