package dev.parley.protocol.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.bouncycastle.tls.DatagramTransport;

/**
 * The datagram transport BouncyCastle runs on: incoming datagrams come from a queue that the
 * network thread fills, outgoing ones go to the caller's send callback. It has two modes.
 *
 * <ul>
 *   <li>During the handshake {@link #receive} blocks on the queue for as long as BouncyCastle
 *       asks ({@code waitMillis}), so BouncyCastle's own retransmission timers run on the
 *       handshake thread. {@link #close()} wakes it up.
 *   <li>Once connected it never blocks: an empty queue is reported with {@link #WOULD_BLOCK},
 *       an {@link InterruptedIOException} that BouncyCastle passes through without failing the
 *       connection. That lets the network thread feed post-handshake records (alerts,
 *       retransmitted flights) through BouncyCastle and return at once.
 * </ul>
 */
final class QueueTransport implements DatagramTransport {

    /** Largest datagram we send: safe over IPv6, TURN and VPNs, as browsers do. */
    static final int SEND_LIMIT = 1200;
    /** Largest datagram we accept; anything bigger is not a DTLS flight a WebRTC peer sends. */
    static final int RECEIVE_LIMIT = 4096;
    /** Datagrams waiting for the handshake thread; beyond this a flood is dropped. */
    static final int QUEUE_CAPACITY = 256;

    /** "Nothing queued" in non-blocking mode. Shared and stackless: it is control flow, not an error. */
    static final InterruptedIOException WOULD_BLOCK = new InterruptedIOException("no datagram queued") {
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    };

    private static final byte[] WAKE_UP = new byte[0];

    private final LinkedBlockingQueue<byte[]> inbound = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final Consumer<byte[]> sender;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private final byte[] pending = new byte[SEND_LIMIT]; // guarded by this
    private int pendingLength; // guarded by this
    private volatile boolean nonBlocking;
    private volatile boolean closed;

    QueueTransport(Consumer<byte[]> sender) {
        this.sender = sender;
    }

    /** Queues a datagram for BouncyCastle; false when the queue is full or we are closed. */
    boolean offer(byte[] datagram) {
        return !closed && inbound.offer(datagram);
    }

    boolean hasQueued() {
        return !inbound.isEmpty();
    }

    /** Switches to non-blocking mode for the life after the handshake; sends a server's last flight. */
    void stopBlocking() {
        nonBlocking = true;
        flush();
    }

    boolean isClosed() {
        return closed;
    }

    long sent() {
        return sent.get();
    }

    long sendFailures() {
        return sendFailures.get();
    }

    @Override
    public int getReceiveLimit() {
        return RECEIVE_LIMIT;
    }

    @Override
    public int getSendLimit() {
        return SEND_LIMIT;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        flush(); // BouncyCastle reads when it has written a whole flight
        if (nonBlocking) {
            byte[] datagram = closed ? null : inbound.poll();
            if (datagram == null) {
                throw WOULD_BLOCK;
            }
            return copy(datagram, buf, off, len);
        }
        byte[] datagram = take(waitMillis);
        if (closed) {
            throw new IOException("the DTLS connection is closed");
        }
        return datagram == null ? -1 : copy(datagram, buf, off, len);
    }

    private byte[] take(int waitMillis) throws IOException {
        if (closed) {
            throw new IOException("the DTLS connection is closed");
        }
        try {
            return waitMillis == 0 ? inbound.take() : inbound.poll(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a DTLS datagram");
        }
    }

    private static int copy(byte[] datagram, byte[] buf, int off, int len) {
        if (datagram.length > len) {
            return -1; // cannot happen: DtlsConnection refuses datagrams over RECEIVE_LIMIT
        }
        System.arraycopy(datagram, 0, buf, off, datagram.length);
        return datagram.length;
    }

    /**
     * Packs records into datagrams, as browsers do: BouncyCastle writes one record per call,
     * and we hold them until it next reads (the flight is complete then), the datagram would
     * exceed {@link #SEND_LIMIT}, or the transport closes. A flight in one datagram cannot be
     * reordered, which matters because BouncyCastle switches its read epoch on
     * ChangeCipherSpec and drops whatever older-epoch message arrives after it.
     */
    @Override
    public void send(byte[] buf, int off, int len) {
        byte[] full;
        byte[] oversized = null;
        synchronized (this) {
            if (closed) {
                return;
            }
            full = pendingLength + len > SEND_LIMIT ? takePending() : null;
            if (len > SEND_LIMIT) { // BouncyCastle keeps records within the limit; just in case
                oversized = Arrays.copyOfRange(buf, off, off + len);
            } else {
                System.arraycopy(buf, off, pending, pendingLength, len);
                pendingLength += len;
            }
        }
        deliver(full); // outside the lock: the callback is the caller's code
        deliver(oversized);
    }

    /** Sends the records held so far as one datagram. */
    void flush() {
        byte[] datagram;
        synchronized (this) {
            datagram = takePending();
        }
        deliver(datagram);
    }

    private byte[] takePending() {
        if (pendingLength == 0) {
            return null;
        }
        byte[] datagram = Arrays.copyOf(pending, pendingLength);
        pendingLength = 0;
        return datagram;
    }

    /** A failing callback is treated like a lost datagram: retransmission will cover it. */
    private void deliver(byte[] datagram) {
        if (datagram == null) {
            return;
        }
        try {
            sender.accept(datagram);
            sent.incrementAndGet();
        } catch (RuntimeException e) {
            sendFailures.incrementAndGet();
        }
    }

    /** Sends what is held (a final alert, say), then closes. Idempotent; wakes a blocked {@link #receive}. */
    @Override
    public void close() {
        flush();
        if (!closed) {
            closed = true;
            inbound.clear();
            inbound.offer(WAKE_UP);
        }
    }
}
