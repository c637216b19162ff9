package io.mch.harness.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mch.harness.backend.kubeconfig.Kubeconfigs;
import io.mch.harness.backend.kubeconfig.Leftovers;
import io.mch.harness.backend.kubeconfig.Ownership;
import io.mch.harness.run.RunDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mch heal --backend kubeconfig [--kubeconfig FILE] [--context CONTEXT]... [--run RUN_ID]}:
 * undoes what a run that was killed (SIGKILL, a lost CI runner) left on existing clusters, by the
 * marks every run leaves ({@link Ownership}): uncordons the nodes mch cordoned, removes mch's
 * taints, deletes the objects labelled {@code app.kubernetes.io/managed-by=mch}. A finished run
 * does the same for itself; this is the way back when it could not. For the embedded backend it
 * sweeps the files killed runs left (see {@link RunDirectory#sweepDeadRuns}).
 */
@Command(name = "heal", description = {
    "Undo what mch left on existing clusters after a killed run: uncordon the nodes it cordoned,",
    "remove its taints (mch.io/*), delete the objects labelled app.kubernetes.io/managed-by=mch.",
    "With --backend embedded: remove what killed runs left in the temp folder and run.json.tmp files.",
    "Prints what it did. Exit 0 when every context was healed, 3 when one could not be reached."})
final class HealCommand implements Callable<Integer> {

    @Option(names = "--backend", defaultValue = "kubeconfig",
            description = "kubeconfig (default), or embedded: remove the temporary files of killed runs.")
    String backend;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "The kubeconfig file (default: $KUBECONFIG, else ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "CONTEXT",
            description = "A context to heal (repeatable; default: every context of the kubeconfig).")
    List<String> contexts = new ArrayList<>();

    @Option(names = "--run", paramLabel = "RUN_ID", description = "Heal only what this run left (default: every mch run).")
    String run;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs",
            description = "With --backend embedded: the folder of run directories to sweep (default: runs).")
    Path runs;

    @Override
    public Integer call() {
        if ("embedded".equals(backend)) {
            return sweep();
        }
        if (!"kubeconfig".equals(backend)) {
            System.err.println("mch: heal --backend " + backend + ": choose kubeconfig (objects left on clusters) or"
                    + " embedded (files left by killed runs); nothing was done");
            return MchCommand.BAD_INPUT;
        }
        List<Path> files = KubeconfigArgs.files(kubeconfig);
        List<String> targets = contexts.isEmpty() ? Kubeconfigs.contexts(files) : contexts;
        if (targets.isEmpty()) {
            System.err.println("mch: no context in " + files + "; nothing was done");
            return MchCommand.BAD_INPUT;
        }
        Optional<String> runId = Optional.ofNullable(run).map(Ownership::labelValue);
        int failed = 0;
        for (String context : targets) {
            try (KubernetesClient client = Kubeconfigs.client(Kubeconfigs.config(context, files))) {
                List<String> done = Leftovers.clear(client, context, runId);
                done.forEach(System.out::println);
                if (done.isEmpty()) {
                    System.out.println(context + ": nothing to heal");
                }
            } catch (RuntimeException e) {
                System.err.println("mch: context '" + context + "': could not heal: " + e.getMessage());
                failed++;
            }
        }
        return failed == 0 ? MchCommand.PASS : MchCommand.HARNESS_FAILED;
    }

    /**
     * The embedded backend leaves nothing outside the mch process but files: the temporary folders
     * of killed mch processes and half-written {@code run.json.tmp} files.
     */
    private int sweep() {
        List<String> done = RunDirectory.sweepDeadRuns(runs);
        done.forEach(System.out::println);
        if (done.isEmpty()) {
            System.out.println("embedded: nothing to heal");
        }
        return MchCommand.PASS;
    }
}
