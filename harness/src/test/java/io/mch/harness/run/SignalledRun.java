package io.mch.harness.run;

import io.mch.faults.Heal;
import io.mch.harness.backend.Backend;
import io.mch.harness.backend.Fleet;
import io.mch.harness.backend.embedded.EmbeddedBackend;
import io.mch.harness.config.Topology;
import io.mch.harness.runtime.Console;
import io.mch.harness.runtime.RunContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;

/**
 * A run in a JVM of its own, stopped by {@link SignalStopTest}: arguments are how the run
 * misbehaves and its folder. {@code start-hangs}: the clusters never come up; {@code heal-hangs}:
 * the node loss at 1 s never heals, deaf to interrupts; {@code heap-full}: once the node loss is
 * recorded, a thread fills the heap (prints {@code heap full} then) and keeps it. It installs the stop as {@code mch run} does.
 */
final class SignalledRun {

    static final String SCENARIO = """
            name: signalled
            topology: pair.yaml
            duration: 5m
            traffic: { rate: 20/s }
            faults:
              - { at: 1s, node-loss: { cluster: east, count: 1 } }
            slo:
              availability: { min: 50% }
            """;

    /** What the heap-full mode holds on to. */
    private static final List<byte[]> HELD = new ArrayList<>();

    private SignalledRun() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        var scenario = TestScenarios.load(dir, TestScenarios.topology("10ms", "250ms", "200ms", 2, "1s"), SCENARIO);
        Backend backend = switch (args[0]) {
            case "start-hangs" -> new Backend() {
                @Override
                public String name() {
                    return "embedded";
                }

                @Override
                public Fleet start(Topology topology, RunContext run) throws Exception {
                    new CountDownLatch(1).await();
                    throw new AssertionError("unreachable");
                }
            };
            case "heal-hangs" -> healsHang(new EmbeddedBackend());
            case "heap-full" -> new EmbeddedBackend();
            default -> throw new IllegalArgumentException(args[0]);
        };
        if (args[0].equals("heap-full")) {
            Thread hog = new Thread(() -> fillHeap(dir.resolve("run/history.jsonl")), "heap-hog");
            hog.setDaemon(true);
            hog.start();
        }
        Console console = Console.system();
        ScenarioRun run = new ScenarioRun(scenario, backend, 7, dir.resolve("run"), console);
        try (SignalStop stop = SignalStop.install(run, console)) {
            System.exit(run.execute().exitCode());
        }
    }

    /**
     * Once the run is under way (its node loss recorded): takes the heap in 1 MiB pieces until none
     * is left, gives back 2 MiB.
     */
    private static void fillHeap(Path history) {
        Awaitility.await().forever()
                .until(() -> Files.exists(history) && Files.readString(history).contains("\"fault-started\""));
        try {
            while (true) {
                HELD.add(new byte[1 << 20]);
            }
        } catch (OutOfMemoryError full) {
            HELD.remove(HELD.size() - 1);
            HELD.remove(HELD.size() - 1);
            System.out.println("heap full");
        }
    }

    private static Backend healsHang(Backend inner) {
        return new Backend() {
            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public Fleet start(Topology topology, RunContext run) throws Exception {
                return new ForwardingFleet(inner.start(topology, run)) {
                    @Override
                    public Heal loseNodes(String cluster, int count) {
                        super.loseNodes(cluster, count);
                        return SignalledRun::hang;
                    }
                };
            }
        };
    }

    /** Never returns, whatever interrupts it. */
    private static void hang() {
        while (true) {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException deaf) {
                // keeps hanging
            }
        }
    }
}
