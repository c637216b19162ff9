package io.mch.faults.proxy;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/** A line-based client for {@link EchoServer}: one call is one request/response round trip. */
public final class EchoClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private EchoClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects; {@code timeout} bounds the connect and every later read. */
    public static EchoClient connect(InetSocketAddress address, Duration timeout) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        return new EchoClient(socket);
    }

    /** Sends one line and returns the line that comes back (SocketTimeoutException if none in time). */
    public String call(String message) throws IOException {
        send((message + "\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed after '" + line + "'");
            }
            line.append((char) c);
        }
        return line.toString();
    }

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    /** Reads one byte: for tests that expect the connection to end. */
    public int read() throws IOException {
        return in.read();
    }

    /** The median round trip of {@code calls} calls on one fresh connection, in milliseconds. */
    public static double medianRoundTripMillis(InetSocketAddress address, int calls) throws IOException {
        double[] millis = new double[calls];
        try (EchoClient client = connect(address, Duration.ofSeconds(5))) {
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                String reply = client.call("rtt-" + i);
                millis[i] = (System.nanoTime() - start) / 1e6;
                if (!reply.equals("rtt-" + i)) {
                    throw new IOException("unexpected reply " + reply);
                }
            }
        }
        Arrays.sort(millis);
        return millis[calls / 2];
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
