package io.mch.faults.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One direction of one connection, split into a reader and a writer thread joined by a queue, so a
 * delay is applied to each chunk as it is read and chunks stay in flight together: a delay adds
 * latency without limiting throughput, as on a long but wide network path.
 */
final class Pipe {

    private static final int CHUNK_BYTES = 16 * 1024;
    /** Bounds what is in flight (here 4 MiB) so a slow receiver pushes back on a fast sender. */
    private static final int CHUNKS_IN_FLIGHT = 256;

    /** Bytes to write at {@code deliverAt} ({@link System#nanoTime()}); no bytes: end of stream. */
    private record Chunk(byte[] bytes, long deliverAt) {}

    private final Direction direction;
    private final InputStream in;
    private final Socket to;
    private final OutputStream out;
    private final Toxics toxics;
    private final Connection connection;
    private final BlockingQueue<Chunk> inFlight = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);

    Pipe(Direction direction, Socket from, Socket to, Toxics toxics, Connection connection) throws IOException {
        this.direction = direction;
        this.in = from.getInputStream();
        this.to = to;
        this.out = to.getOutputStream();
        this.toxics = toxics;
        this.connection = connection;
    }

    /**
     * Reads until end of stream. Bytes read while the direction is blackholed are dropped for good.
     * The end of stream itself is always passed on (after the data before it): a partition models
     * lost data, and swallowing the close would leave half-open connections behind after a run.
     */
    void read() {
        byte[] buffer = new byte[CHUNK_BYTES];
        long last = System.nanoTime();
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n == 0 || toxics.blackholed(direction)) {
                    continue;
                }
                last = deliverAt(last);
                inFlight.put(new Chunk(Arrays.copyOf(buffer, n), last));
            }
            inFlight.put(new Chunk(null, deliverAt(last)));
        } catch (IOException | InterruptedException e) {
            connection.fail();
        }
    }

    /** Now plus a fresh delay, but never before the previous chunk: order is kept. */
    private long deliverAt(long previous) {
        long at = System.nanoTime() + toxics.delayNanos(direction);
        return at - previous > 0 ? at : previous;
    }

    /** Writes each chunk at its time, until end of stream (then half-closes) or a failure. */
    void write() {
        try {
            while (true) {
                Chunk chunk = inFlight.take();
                long wait = chunk.deliverAt() - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (chunk.bytes() == null) {
                    to.shutdownOutput();
                    connection.directionDone();
                    return;
                }
                out.write(chunk.bytes());
            }
        } catch (IOException | InterruptedException e) {
            connection.fail();
        }
    }
}
