package io.mch.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A load JVM dies with the harness: its end of the harness's pipe closing is what SIGKILL does too. */
class ParentWatchTest {

    /** Stands in for Gatling: a main that would run for a minute. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(Duration.ofSeconds(60).toMillis());
        }
    }

    @Test
    void theChildHaltsWhenItsParentsPipeCloses() throws Exception {
        Process child = startChild();
        try {
            assertThat(child.isAlive()).isTrue();

            child.getOutputStream().close();

            await().atMost(Duration.ofSeconds(20)).until(() -> !child.isAlive());
            assertThat(child.exitValue()).isEqualTo(ParentWatch.PARENT_GONE);
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void whileThePipeIsOpenTheChildRunsOn() throws Exception {
        Process child = startChild();
        try {
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(child::isAlive);
        } finally {
            child.destroyForcibly();
        }
    }

    /** A JVM running {@link Sleeper} under {@link ParentWatch}, its standard input a pipe from this one. */
    private static Process startChild() throws java.io.IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ParentWatch.class.getName(), Sleeper.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
