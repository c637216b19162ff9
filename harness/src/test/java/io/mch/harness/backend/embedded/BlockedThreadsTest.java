package io.mch.harness.backend.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class BlockedThreadsTest {

    @Test
    void vertxBlockedThreadWarningsAreCountedNotPrinted() {
        BlockedThreads.Count before = BlockedThreads.INSTANCE.count();
        assertThat(BlockedThreads.INSTANCE.since(before)).isNull();
        List<LogRecord> printed = new ArrayList<>();
        Handler console = new Handler() {
            @Override
            public void publish(LogRecord record) {
                printed.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(console);
        try {
            // The message Vert.x 4.5's checker writes, through the logger it writes it to.
            Logger.getLogger(BlockedThreads.LOGGER).log(Level.WARNING,
                    "Thread Thread[vert.x-eventloop-thread-1,5,main] has been blocked for 2417 ms, time limit is 2000 ms");
        } finally {
            root.removeHandler(console);
        }

        assertThat(printed).isEmpty();
        assertThat(BlockedThreads.INSTANCE.count().warnings()).isEqualTo(before.warnings() + 1);
        assertThat(BlockedThreads.INSTANCE.since(before))
                .startsWith("Vert.x reported 1 blocked event-loop thread(s)")
                .contains("longest " + Math.max(2417, before.longestMs()) + " ms");
    }
}
