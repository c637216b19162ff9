package io.mch.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command answers {@code --help} with its usage and exit 0; {@code completion} prints a usable script. */
class HelpAndCompletionTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    static List<String> commands() {
        return List.copyOf(MchCommand.commandLine().getSubcommands().keySet());
    }

    @Test
    void everyCommandIsCovered() {
        assertThat(commands()).containsAll(Set.of("run", "explore", "validate", "report", "bench", "heal",
                "federate", "connect", "replicate", "failover", "sync", "completion"));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpExitsZeroWithTheCommandsUsage(String command) {
        assertThat(MchCommand.execute(command, "--help")).isZero();

        assertThat(streams.out()).startsWith("Usage: mch " + command).contains("-h, --help");
        assertThat(streams.err()).isEmpty();
    }

    @Test
    void theTopLevelHelpListsCompletion() {
        assertThat(MchCommand.execute("--help")).isZero();

        assertThat(streams.out()).contains("completion").contains("heal").contains("sync");
    }

    @Test
    void completionPrintsABashScriptThatCompletesEveryCommand() {
        assertThat(MchCommand.execute("completion")).isZero();

        String script = streams.out();
        assertThat(script).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_mch");
        commands().forEach(command -> assertThat(script).contains(command));
        assertThat(script).contains("--time-scale").contains("--backend");
    }
}
