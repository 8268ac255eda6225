package dev.parley.telephony.sip;

import dev.parley.protocol.sip.SipStreamFramer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One TCP connection, accepted or opened by us. A reader thread cuts the stream into messages
 * ({@link SipStreamFramer}) and answers keep-alive pings; a writer thread drains a queue, so
 * the loop never blocks on a slow peer. An opened connection connects on its writer thread.
 * When the connection fails, every queued send reports its error and the connection closes.
 */
final class TcpConnection {

    /** A message waiting to be written, and what to do if it never is. */
    private record Outbound(byte[] bytes, Runnable onError) {
    }

    private static final Outbound CLOSE = new Outbound(new byte[0], () -> { });
    private static final byte[] PONG = {'\r', '\n'};

    private final InetSocketAddress remote;
    private final TcpTransport owner;
    private final LinkedBlockingQueue<Outbound> queue = new LinkedBlockingQueue<>();
    /** Counted down when the writer has written everything before a close and stopped. */
    private final java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
    private volatile SocketChannel channel;
    private volatile boolean closed;

    private TcpConnection(InetSocketAddress remote, TcpTransport owner, SocketChannel channel) {
        this.remote = remote;
        this.owner = owner;
        this.channel = channel;
    }

    /** A connection the listener accepted: reading starts now. */
    static TcpConnection accepted(SocketChannel channel, InetSocketAddress remote, TcpTransport owner) {
        var connection = new TcpConnection(remote, owner, channel);
        owner.threads().start("tcp-read-" + remote, connection::readLoop);
        owner.threads().start("tcp-write-" + remote, connection::writeLoop);
        return connection;
    }

    /** A connection we open to {@code remote}: the writer connects first, then reading starts. */
    static TcpConnection opened(InetSocketAddress remote, TcpTransport owner) {
        var connection = new TcpConnection(remote, owner, null);
        owner.threads().start("tcp-write-" + remote, connection::connectThenWrite);
        return connection;
    }

    InetSocketAddress remote() {
        return remote;
    }

    boolean isOpen() {
        return !closed;
    }

    void send(byte[] bytes, Runnable onError) {
        if (closed) {
            onError.run();
            return;
        }
        queue.add(new Outbound(bytes, onError));
    }

    /**
     * Closes after what is queued has been written (the BYEs of a closing stack), waiting at
     * most {@code wait} for a slow peer; then closes regardless.
     */
    void closeGracefully(java.time.Duration wait) {
        if (closed) {
            return;
        }
        queue.add(CLOSE);
        try {
            if (!written.await(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
        }
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(CLOSE);
        SocketChannel current = channel;
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // Closing; nothing left to report.
            }
        }
        owner.forget(this);
    }

    private void connectThenWrite() {
        try {
            SocketChannel opened = SocketChannel.open();
            channel = opened;
            if (closed) {
                opened.close();
                failQueued();
                written.countDown();
                return;
            }
            opened.socket().connect(remote, (int) Math.min(Integer.MAX_VALUE, owner.connectTimeout().toMillis()));
            owner.threads().start("tcp-read-" + remote, this::readLoop);
        } catch (IOException | RuntimeException e) {
            owner.counters().transportErrors.increment();
            close();
            failQueued();
            written.countDown();
            return;
        }
        writeLoop();
    }

    private void writeLoop() {
        try {
            writeQueued();
        } finally {
            written.countDown();
        }
    }

    private void writeQueued() {
        try {
            while (true) {
                Outbound next = queue.take();
                if (next == CLOSE || closed) {
                    break;
                }
                try {
                    ByteBuffer buffer = ByteBuffer.wrap(next.bytes());
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                } catch (IOException e) {
                    owner.counters().transportErrors.increment();
                    next.onError().run();
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
        failQueued();
    }

    private void readLoop() {
        var framer = new SipStreamFramer();
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        var source = new Source(Transport.TCP, remote, Optional.of(this));
        try {
            while (!closed) {
                buffer.clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    break;
                }
                var output = framer.feed(buffer.array(), 0, read);
                for (byte[] message : output.messages()) {
                    owner.inbound().onBytes(message, source);
                }
                for (int i = 0; i < output.pings(); i++) {
                    send(PONG, () -> { });
                }
                if (output.error().isPresent()) {
                    owner.counters().malformedDropped.increment();
                    break;
                }
            }
        } catch (IOException e) {
            if (!closed) {
                owner.counters().transportErrors.increment();
            }
        }
        close();
    }

    private void failQueued() {
        List<Outbound> left = new ArrayList<>();
        queue.drainTo(left);
        left.stream().filter(o -> o != CLOSE).forEach(o -> o.onError().run());
    }
}
