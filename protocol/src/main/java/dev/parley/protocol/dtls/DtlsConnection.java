package dev.parley.protocol.dtls;

import dev.parley.protocol.Malformed;
import dev.parley.protocol.dtls.DtlsException.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsPeer;
import org.bouncycastle.tls.TlsTimeoutException;

/**
 * One DTLS-SRTP association with one WebRTC peer (RFC 5764, RFC 5763, DTLS 1.2 per RFC 6347),
 * sans-IO: datagrams come in through {@link #receive} and go out through the send callback.
 *
 * <pre>
 *   network thread ── receive(datagram) ──► queue ──► BouncyCastle ──► send callback ──► network
 *   handshake thread ── handshake(timeout) ── blocks until the SRTP keys are known ──► DtlsResult
 * </pre>
 *
 * <p><b>Threads.</b> BouncyCastle's DTLS handshake is blocking, so {@link #handshake} runs on a
 * thread the caller provides (a virtual thread in the media module) and drives BouncyCastle's
 * retransmission timers there. {@link #receive} never blocks: during the handshake it only
 * queues; afterwards it feeds the datagram through BouncyCastle on the calling thread (records
 * after the handshake are rare: alerts and retransmitted flights). No thread is created here.
 * Datagrams that arrive before {@code handshake} is called are kept for it (up to 256).
 *
 * <p><b>Wire.</b> DTLS 1.2 only, ECDHE_ECDSA suites with AES-128-GCM first, the extended master
 * secret required (RFC 7627; BouncyCastle exports no keys without it, and browsers all offer it),
 * no HelloVerifyRequest cookie (ICE already checked the address). The records of a flight go out
 * packed in as few datagrams of at most 1200 bytes as they fit, like browsers send them.
 *
 * <p><b>Identity.</b> The peer's certificate must hash to the fingerprint from its SDP; if not,
 * we send a fatal {@code bad_certificate} alert and {@code handshake} throws
 * {@link DtlsException} with {@link Reason#FINGERPRINT_MISMATCH}. A server requires a client
 * certificate (without one: handshake_failure, also {@link Reason#FINGERPRINT_MISMATCH}).
 *
 * <p><b>Closing.</b> {@link #close()} sends close_notify (or user_canceled during the
 * handshake), makes a running {@code handshake} throw {@link Reason#CLOSED}, and is idempotent.
 * The peer's close_notify or fatal alert is noticed while receiving: {@link #isClosed()} turns
 * true, {@link #closedByPeer()} says who closed, and the {@link #onClose} listener runs once, on
 * the thread that noticed, never under a lock. Application data after the handshake is counted
 * and dropped until data channels exist.
 */
public final class DtlsConnection implements AutoCloseable {

    /** RFC 6347 §4.2.4.1 starts retransmitting after one second. */
    public static final Duration DEFAULT_INITIAL_RETRANSMIT = Duration.ofSeconds(1);

    /** Life cycle: NEW until {@link #handshake} starts, CLOSED for good. */
    public enum State {
        NEW, HANDSHAKING, CONNECTED, CLOSED
    }

    private final DtlsRole role;
    private final HandshakePolicy policy;
    private final QueueTransport transport;
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    /** Serialises feeding post-handshake datagrams through BouncyCastle; only ever tried, never waited on. */
    private final ReentrantLock pumpLock = new ReentrantLock();
    private final AtomicBoolean closeNotified = new AtomicBoolean();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong applicationData = new AtomicLong();

    private volatile TlsPeer peer;
    private volatile DTLSTransport dtls;
    private volatile boolean closedLocally;
    private volatile boolean closedByPeer;
    private volatile Runnable closeListener;
    private byte[] scratch; // guarded by pumpLock

    /**
     * @param certificate       our certificate (shared by many connections is fine)
     * @param role              CLIENT when our SDP says {@code a=setup:active}, else SERVER
     * @param remoteFingerprint the peer's {@code a=fingerprint} from its SDP
     * @param srtpProfiles      the SRTP profiles we accept, most preferred first
     * @param sender            sends one datagram to the peer; it receives its own copy of the
     *                          bytes, must not block for long, and must not call {@link #receive}
     *                          synchronously; if it throws, the datagram counts as lost
     */
    public DtlsConnection(DtlsCertificate certificate, DtlsRole role, DtlsFingerprint remoteFingerprint,
            List<DtlsSrtpProfile> srtpProfiles, Consumer<byte[]> sender) {
        Objects.requireNonNull(certificate, "certificate");
        this.role = Objects.requireNonNull(role, "role");
        Objects.requireNonNull(remoteFingerprint, "remoteFingerprint");
        if (srtpProfiles.isEmpty()) {
            throw new IllegalArgumentException("at least one SRTP profile is needed");
        }
        this.policy = new HandshakePolicy(role, certificate, remoteFingerprint, srtpProfiles);
        this.transport = new QueueTransport(Objects.requireNonNull(sender, "sender"));
    }

    /**
     * Feeds one datagram from the peer (RFC 7983 classified it as DTLS: first byte 20..63). The
     * bytes are copied, so the caller may reuse its buffer. Never blocks and never throws on bad
     * input: datagrams that are not well-formed DTLS records are counted
     * ({@link Malformed.Kind#DTLS}) and dropped, and so is anything after {@link #close()}.
     */
    public void receive(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (state.get() == State.CLOSED) {
            return;
        }
        received.incrementAndGet();
        if (len > QueueTransport.RECEIVE_LIMIT || !DtlsRecords.isWellFormed(buf, off, len)) {
            malformed.incrementAndGet();
            Malformed.count(Malformed.Kind.DTLS);
            return;
        }
        if (!transport.offer(Arrays.copyOfRange(buf, off, off + len))) {
            dropped.incrementAndGet();
            return;
        }
        if (state.get() == State.CONNECTED) {
            pump();
        }
    }

    /** {@link #handshake(Duration, Duration)} with the RFC's one-second first retransmission. */
    public DtlsResult handshake(Duration timeout) {
        return handshake(timeout, DEFAULT_INITIAL_RETRANSMIT);
    }

    /**
     * Runs the handshake to the end; BLOCKS, so call it on a thread of its own. Retransmits lost
     * flights from {@code initialRetransmit} on, doubling each time.
     *
     * @return the SRTP profile and keys
     * @throws DtlsException         with the reason when the handshake fails, times out or is closed
     * @throws IllegalStateException when a handshake was already started on this connection
     */
    public DtlsResult handshake(Duration timeout, Duration initialRetransmit) {
        HandshakeTiming timing = HandshakeTiming.of(timeout, initialRetransmit);
        if (!state.compareAndSet(State.NEW, State.HANDSHAKING)) {
            if (state.get() == State.CLOSED) {
                throw new DtlsException(Reason.CLOSED, "the DTLS connection is closed");
            }
            throw new IllegalStateException("the handshake was already started");
        }
        var crypto = new WebRtcCrypto();
        try {
            DTLSTransport connected;
            if (role == DtlsRole.CLIENT) {
                var client = new WebRtcTlsClient(crypto, policy, timing);
                peer = client;
                connected = closedLocally ? null : new DTLSClientProtocol().connect(client, transport);
            } else {
                var server = new WebRtcTlsServer(crypto, policy, timing);
                peer = server;
                connected = closedLocally ? null : new DTLSServerProtocol().accept(server, transport);
            }
            if (connected == null) {
                throw new DtlsException(Reason.CLOSED, "the DTLS connection was closed");
            }
            return connected(connected);
        } catch (IOException | RuntimeException e) {
            DtlsException failure = e instanceof DtlsException known ? known : classify(e);
            markClosed(false);
            throw failure;
        }
    }

    private DtlsResult connected(DTLSTransport connected) throws IOException {
        DtlsResult result = policy.result().orElseThrow(() -> new DtlsException(Reason.PROTOCOL_ERROR,
                "the handshake completed without exporting SRTP keys"));
        pumpLock.lock();
        try {
            dtls = connected;
            scratch = new byte[connected.getReceiveLimit()];
            transport.stopBlocking();
            if (!state.compareAndSet(State.HANDSHAKING, State.CONNECTED)) {
                connected.close();
                throw new DtlsException(Reason.CLOSED, "the DTLS connection was closed");
            }
        } finally {
            pumpLock.unlock();
        }
        pump(); // datagrams that arrived while we were finishing (a retransmitted final flight)
        return result;
    }

    private DtlsException classify(Exception e) {
        if (closedLocally || e instanceof InterruptedIOException) {
            return new DtlsException(Reason.CLOSED, closedLocally ? "the DTLS connection was closed"
                    : "the DTLS handshake was interrupted", e);
        }
        var known = policy.failure();
        if (known.isPresent()) {
            return new DtlsException(known.get(), policy.failureDetail(), e);
        }
        if (e instanceof TlsTimeoutException) {
            return new DtlsException(Reason.TIMEOUT, "the DTLS handshake timed out", e);
        }
        if (e instanceof TlsFatalAlertReceived alert) {
            return new DtlsException(Reason.PROTOCOL_ERROR,
                    "the peer sent a fatal alert: " + AlertDescription.getText(alert.getAlertDescription()), e);
        }
        if (transport.isClosed()) {
            return new DtlsException(Reason.CLOSED, "the peer closed the DTLS connection during the handshake", e);
        }
        if (e instanceof TlsFatalAlert alert) {
            return new DtlsException(Reason.PROTOCOL_ERROR,
                    "DTLS handshake failed: " + AlertDescription.getText(alert.getAlertDescription()), e);
        }
        return new DtlsException(Reason.PROTOCOL_ERROR, "DTLS handshake failed: " + e, e);
    }

    /**
     * Drains the queue through BouncyCastle. Only one thread pumps at a time and nobody waits for
     * the lock: a thread that finds it taken leaves its datagram queued, and the pumping thread
     * checks the queue again after unlocking, so nothing is stranded. A send callback that feeds
     * back into {@link #receive} on the same thread just queues.
     */
    private void pump() {
        while (!pumpLock.isHeldByCurrentThread() && pumpLock.tryLock()) {
            boolean ended;
            try {
                ended = drain();
            } finally {
                pumpLock.unlock();
            }
            if (ended) {
                markClosed(true);
                return;
            }
            if (!transport.hasQueued() || state.get() != State.CONNECTED) {
                return;
            }
        }
    }

    /** Returns true when the peer closed the connection or it failed. Caller holds pumpLock. */
    private boolean drain() {
        if (state.get() != State.CONNECTED) {
            return false;
        }
        try {
            while (true) {
                // waitMillis 0 is "forever" to BouncyCastle, but our transport never waits here:
                // it throws WOULD_BLOCK when the queue is empty.
                if (dtls.receive(scratch, 0, scratch.length, 0) >= 0) {
                    applicationData.incrementAndGet();
                }
            }
        } catch (InterruptedIOException wouldBlock) {
            return transport.isClosed() && !closedLocally;
        } catch (IOException | RuntimeException e) {
            return !closedLocally; // fatal alert from the peer, or a failure BouncyCastle already alerted
        }
    }

    /**
     * Closes the connection: close_notify when connected, user_canceled during a handshake, which
     * then throws {@link Reason#CLOSED}. Idempotent; safe from any thread.
     */
    @Override
    public void close() {
        closedLocally = true;
        if (state.get() == State.CLOSED) {
            return;
        }
        TlsPeer current = peer;
        if (current != null) {
            try {
                current.cancel(); // BouncyCastle's record layer sends the alert, then closes our transport
            } catch (IOException | RuntimeException ignored) {
                // closing anyway
            }
        }
        markClosed(false);
    }

    private void markClosed(boolean byPeer) {
        if (byPeer) {
            closedByPeer = true;
        }
        transport.close();
        if (state.getAndSet(State.CLOSED) != State.CLOSED) {
            notifyClosed();
        }
    }

    /**
     * Registers the listener that runs once when the connection closes for any reason: our
     * {@link #close()}, the peer's close_notify or fatal alert, or a failed handshake. It runs on
     * the thread that noticed (often the network thread inside {@link #receive}), so it should
     * only hand the news on. If the connection is already closed it runs now.
     */
    public void onClose(Runnable listener) {
        closeListener = Objects.requireNonNull(listener, "listener");
        if (state.get() == State.CLOSED) {
            notifyClosed();
        }
    }

    private void notifyClosed() {
        Runnable listener = closeListener;
        if (listener != null && closeNotified.compareAndSet(false, true)) {
            listener.run();
        }
    }

    public State state() {
        return state.get();
    }

    /** True once closed by us, by the peer, or by a failed handshake. */
    public boolean isClosed() {
        return state.get() == State.CLOSED;
    }

    /** True when the peer ended an established connection (close_notify or a fatal alert). */
    public boolean closedByPeer() {
        return closedByPeer;
    }

    public DtlsRole role() {
        return role;
    }

    /** Counters and state as one JSON object, for debug pages. */
    public String debugState() {
        return "{\"role\":\"" + role + "\",\"state\":\"" + state.get() + "\",\"closedByPeer\":" + closedByPeer
                + ",\"received\":" + received.get() + ",\"malformed\":" + malformed.get()
                + ",\"dropped\":" + dropped.get() + ",\"applicationData\":" + applicationData.get()
                + ",\"sent\":" + transport.sent() + ",\"sendFailures\":" + transport.sendFailures() + "}";
    }
}
