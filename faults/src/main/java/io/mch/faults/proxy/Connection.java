package io.mch.faults.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One accepted client connection and, unless it was accepted during an upstream blackhole, its
 * connection to the upstream (asked for on the connection's own thread, so a slow lookup holds up
 * no other link). It owns its sockets and threads so that a reset or the proxy's close can end all
 * of them at once.
 */
final class Connection {

    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final String id;
    private final Socket client;
    private final Supplier<InetSocketAddress> upstream;
    private final Toxics toxics;
    private final DaemonThreads threads;
    private final Consumer<Connection> onClosed;
    private final AtomicInteger directionsDone = new AtomicInteger();
    private final List<Thread> own = new ArrayList<>();
    private Socket server;
    private boolean closed;

    Connection(long number, Socket client, Supplier<InetSocketAddress> upstream, Toxics toxics, DaemonThreads threads,
            Consumer<Connection> onClosed) {
        this.id = "c" + number + "-";
        this.client = client;
        this.upstream = upstream;
        this.toxics = toxics;
        this.threads = threads;
        this.onClosed = onClosed;
    }

    /**
     * Starts forwarding. During an upstream blackhole the connection is never made upstream, as
     * when a SYN is lost in a partition: the client's bytes are read and dropped until it gives up.
     */
    void start() {
        if (toxics.blackholed(Direction.UPSTREAM)) {
            spawn("held", this::discardClient);
        } else {
            spawn("up", this::connectAndForward);
        }
    }

    private void discardClient() {
        byte[] buffer = new byte[4096];
        try {
            InputStream in = client.getInputStream();
            while (in.read(buffer) >= 0) {
                // dropped: nothing on the other side of the partition hears it
            }
            close(false);
        } catch (IOException e) {
            fail();
        }
    }

    private void connectAndForward() {
        Socket socket = new Socket();
        try {
            client.setTcpNoDelay(true);
            socket.setTcpNoDelay(true);
            socket.connect(upstream.get(), CONNECT_TIMEOUT_MS);
        } catch (IOException refusedOrClosed) {
            shut(socket, true);
            fail();
            return;
        }
        synchronized (this) {
            if (closed) {
                shut(socket, true);
                return;
            }
            server = socket;
        }
        try {
            Pipe up = new Pipe(Direction.UPSTREAM, client, socket, toxics, this);
            Pipe down = new Pipe(Direction.DOWNSTREAM, socket, client, toxics, this);
            spawn("up-write", up::write);
            spawn("down-write", down::write);
            spawn("down", down::read);
            up.read();
        } catch (IOException e) {
            fail();
        }
    }

    private synchronized void spawn(String suffix, Runnable body) {
        if (!closed) {
            own.add(threads.start(id + suffix, body));
        }
    }

    /** One direction delivered its end of stream; after both, the connection ends cleanly. */
    void directionDone() {
        if (directionsDone.incrementAndGet() == 2) {
            close(false);
        }
    }

    /** Something broke on one side: both sides are reset, so neither peer waits on a dead path. */
    void fail() {
        close(true);
    }

    /** Ends the connection: with {@code reset}, abruptly (SO_LINGER 0 sends RST). Idempotent. */
    void close(boolean reset) {
        List<Thread> threadsToStop;
        Socket upstreamSocket;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            threadsToStop = List.copyOf(own);
            upstreamSocket = server;
        }
        shut(client, reset);
        if (upstreamSocket != null) {
            shut(upstreamSocket, reset);
        }
        for (Thread thread : threadsToStop) {
            if (thread != Thread.currentThread()) {
                thread.interrupt();
            }
        }
        onClosed.accept(this);
    }

    private static void shut(Socket socket, boolean reset) {
        try {
            if (reset) {
                socket.setSoLinger(true, 0);
            }
        } catch (IOException alreadyClosed) {
            // closing below is all that is left to do
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more can be done for a socket that fails to close
        }
    }
}
