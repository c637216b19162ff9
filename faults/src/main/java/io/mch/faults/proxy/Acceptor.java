package io.mch.faults.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one thread that accepts connections for every open link proxy of the process, on one
 * selector. A thread blocked in accept(2) holds a file descriptor that Linux reserves before it
 * waits (invisible in /proc/PID/fd), so a proxy with its own accept thread cost two descriptors and
 * a thread while idle: 100 clusters' 9,900 links reached the 20,000 open files limit with 12,300
 * descriptors in sight (docs/performance.md, "Fleet scale"). Here an idle link costs its listening
 * socket only. The thread runs while at least one listener is registered, so a process without
 * links has none, and a closed listener's descriptor is released at once (by the next select).
 */
final class Acceptor {

    /**
     * The accepting thread's name: a link's as leak checks see it, but no link's own (every
     * {@link LinkProxy#threadPrefix} ends in a hyphen after the link's name).
     */
    static final String THREAD = "mch-link-accept";

    /** The running acceptor, or none while no listener is registered. Guarded by Acceptor.class. */
    private static Acceptor running;

    private final Selector selector;
    private final Queue<Runnable> changes = new ConcurrentLinkedQueue<>();
    /** Listeners registered and not yet unregistered; guarded by Acceptor.class, as is stopped. */
    private int listeners;
    private boolean stopped;

    private Acceptor() throws IOException {
        selector = Selector.open();
        Thread thread = new Thread(this::loop, THREAD);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Accepts on {@code server} (made non-blocking here) from now on, handing each connection,
     * in blocking mode, to {@code accepted}, until {@link #unregister} is called on the acceptor
     * returned.
     */
    static Acceptor register(ServerSocketChannel server, Consumer<Socket> accepted) throws IOException {
        server.configureBlocking(false);
        synchronized (Acceptor.class) {
            if (running == null) {
                running = new Acceptor();
            }
            Acceptor acceptor = running;
            acceptor.listeners++;
            acceptor.change(() -> {
                try {
                    server.register(acceptor.selector, SelectionKey.OP_ACCEPT, accepted);
                } catch (IOException closedMeanwhile) {
                    // unregistered before it was registered: nothing to accept
                }
            });
            return acceptor;
        }
    }

    /**
     * Closes {@code server} and waits (at most {@code max}) until its port is released, which the
     * selector does on its next select; the last listener ends the thread.
     */
    void unregister(ServerSocketChannel server, Duration max) {
        try {
            server.close(); // cancels its key: the descriptor stays open until the selector drops the key
        } catch (IOException ignored) {
            // nothing more can be done for a listener that fails to close
        }
        CountDownLatch released = new CountDownLatch(1);
        synchronized (Acceptor.class) {
            listeners--;
            if (stopped) {
                return; // the selector is closed, and with it every listener's descriptor
            }
            change(released::countDown); // queued before the loop can see no listener left, so it runs
        }
        try {
            released.await(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues a change for the loop and wakes it; called holding Acceptor.class, so never after the loop ended. */
    private void change(Runnable change) {
        changes.add(change);
        selector.wakeup();
    }

    private void loop() {
        try {
            while (true) {
                selector.select();
                for (Runnable change; (change = changes.poll()) != null; ) {
                    change.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    accept(key);
                }
                selector.selectedKeys().clear();
                synchronized (Acceptor.class) {
                    if (listeners == 0 && changes.isEmpty()) {
                        stop(); // in the same hold as the check: a new listener goes to a new acceptor
                        return;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the links' acceptor failed", e);
        } finally {
            synchronized (Acceptor.class) {
                stop();
            }
        }
    }

    /** Called holding Acceptor.class; idempotent. */
    private void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (running == this) {
            running = null;
        }
        try {
            selector.close(); // deregisters, and so releases, every closed listener
        } catch (IOException ignored) {
            // the descriptors go with the process at worst
        }
    }

    @SuppressWarnings("unchecked")
    private static void accept(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        try {
            SocketChannel client = ((ServerSocketChannel) key.channel()).accept();
            if (client != null) {
                client.configureBlocking(true);
                hand((Consumer<Socket>) key.attachment(), client);
            }
        } catch (IOException oneFailedAccept) {
            // closed meanwhile, or out of descriptors for this one: the next may work
        }
    }

    /** A link that cannot take a connection loses that one, never the other links' acceptor. */
    private static void hand(Consumer<Socket> accepted, SocketChannel client) throws IOException {
        try {
            accepted.accept(client.socket());
        } catch (RuntimeException e) {
            client.close();
        }
    }
}
