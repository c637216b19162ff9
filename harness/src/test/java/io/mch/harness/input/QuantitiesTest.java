package io.mch.harness.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

    @ParameterizedTest
    @CsvSource({"1500ms, PT1.5S", "2s, PT2S", "3m, PT3M", "1h, PT1H", "0.5s, PT0.5S", ".25s, PT0.25S",
            "1.5m, PT1M30S", "0s, PT0S", "0.1ms, PT0.0001S"})
    void parsesDurations(String text, Duration expected) {
        assertThat(Quantities.duration(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "30 s", "-1s", "1d", "s", "1.s", "1e3ms", "fast"})
    void rejectsMalformedDurations(String text) {
        assertThatThrownBy(() -> Quantities.duration(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed duration '" + text + "'");
    }

    @Test
    void rejectsDurationsBeyondRange() {
        assertThatThrownBy(() -> Quantities.duration("99999999999999h")).hasMessageContaining("too large");
    }

    @ParameterizedTest
    @CsvSource({"99.9%, 99.9", "100%, 100", "99.9, 99.9", "0%, 0", "42 %, 42"})
    void parsesPercentages(String text, double expected) {
        assertThat(Quantities.percent(text)).isEqualTo(expected);
    }

    @Test
    void rejectsBadPercentages() {
        assertThatThrownBy(() -> Quantities.percent("100.1%")).hasMessage("percentage '100.1%' is above 100%");
        assertThatThrownBy(() -> Quantities.percent("ninety%")).hasMessageStartingWith("malformed percentage");
        assertThatThrownBy(() -> Quantities.percent("-5%")).hasMessageStartingWith("malformed percentage");
    }

    @ParameterizedTest
    @CsvSource({"50/s, 50", "600/m, 10", "3600/h, 1", "0.5/s, 0.5", "20 / s, 20"})
    void parsesRates(String text, double perSecond) {
        assertThat(Quantities.ratePerSecond(text)).isEqualTo(perSecond);
    }

    @Test
    void rejectsBadRates() {
        assertThatThrownBy(() -> Quantities.ratePerSecond("50")).hasMessageStartingWith("malformed rate '50'");
        assertThatThrownBy(() -> Quantities.ratePerSecond("50/d")).hasMessageStartingWith("malformed rate");
        assertThatThrownBy(() -> Quantities.ratePerSecond("0/s")).hasMessage("rate '0/s' must be above zero");
    }

    @ParameterizedTest
    @CsvSource({"75s, 75s", "2m, 120s", "1h, 3600s", "1500ms, 1500ms", "0s, 0s", "0.25ms, 0.25ms"})
    void formatsInSecondsOrMilliseconds(String text, String formatted) {
        assertThat(Quantities.format(Quantities.duration(text))).isEqualTo(formatted);
        assertThat(Quantities.duration(formatted)).isEqualTo(Quantities.duration(text));
    }
}
