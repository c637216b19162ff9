package io.mch.scenarios.load;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * The load JVM's entry point: runs another class's {@code main} (Gatling's) while a daemon thread
 * reads standard input, which the harness holds open as a pipe. When the harness dies, even by
 * SIGKILL, which runs no shutdown hook, the system closes its end of the pipe; the read ends and this
 * JVM halts, so a load never outlives the run that started it.
 */
public final class ParentWatch {

    /** The exit status of a load JVM whose parent went away. */
    public static final int PARENT_GONE = 70;

    private ParentWatch() {}

    /** {@code args[0]} is the class whose main to run with the remaining arguments. */
    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ParentWatch MAIN_CLASS [ARG]...");
        }
        watch(System.in);
        try {
            Class.forName(args[0]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Halts the JVM once {@code parent} (the harness's pipe) reaches its end or breaks. */
    static void watch(InputStream parent) {
        Thread watcher = new Thread(() -> {
            try {
                while (parent.read() >= 0) {
                    // The harness writes nothing; anything read is ignored.
                }
            } catch (IOException broken) {
                // A broken pipe means the same as its end: the harness is gone.
            }
            Runtime.getRuntime().halt(PARENT_GONE);
        }, "mch-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
