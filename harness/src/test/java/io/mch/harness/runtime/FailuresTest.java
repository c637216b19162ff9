package io.mch.harness.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

/** A harness failure names its root cause, each message once, so "cannot open link" says why. */
class FailuresTest {

    @Test
    void aFailureIsFollowedByItsCauses() {
        var failure = new UncheckedIOException("cannot open link s74->s27@/127.0.28.1:44323",
                new SocketException("Too many open files"));

        assertThat(Failures.describe(failure))
                .isEqualTo("cannot open link s74->s27@/127.0.28.1:44323: Too many open files");
    }

    @Test
    void aMessageThatAlreadyQuotesItsCauseIsNotRepeated() {
        var failure = new IllegalStateException(new IOException("broken pipe"));

        assertThat(Failures.describe(failure)).isEqualTo("java.io.IOException: broken pipe");
    }

    @Test
    void aFailureWithoutAMessageIsNamedByItsType() {
        assertThat(Failures.describe(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
    }
}
