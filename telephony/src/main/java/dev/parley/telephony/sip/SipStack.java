package dev.parley.telephony.sip;

import dev.parley.protocol.sip.DigestCredentials;
import dev.parley.protocol.sip.SipUri;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * A SIP user agent (RFC 3261) on one port for UDP and TCP: places calls ({@link #invite}),
 * receives them ({@link InboundHandler}), probes trunks ({@link #options}, {@link #keepAlive})
 * and answers OPTIONS. Signaling only: SDP is carried as opaque strings.
 *
 * <p>Threads: one loop thread owns all transactions, dialogs and calls; blocking I/O (UDP
 * and TCP reads, TCP writes and connects, name lookups) runs on virtual threads; listeners run
 * on one serial executor per call, on virtual threads, never under a lock. {@link #close()}
 * ends everything, releases the port and waits for every thread it started.
 *
 * <pre>{@code
 * SipStack stack = SipStack.start(SipSettings.loopback(), call -> { call.ringing(); call.answer(sdp); });
 * OutgoingCall call = stack.invite(OutgoingInvite.of(uri, Transport.UDP, from, to, offer), listener);
 * }</pre>
 */
public final class SipStack implements AutoCloseable {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);

    private final SipSettings settings;
    private final SipLoop loop;
    private final Counters counters = new Counters();
    private final IoThreads threads;
    private final ExecutorService listenerThreads;
    private final SipCore core;
    private final Transports transports;
    private final List<KeepAliveTask> keepAlives = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private SipStack(SipSettings settings, InboundHandler handler) {
        this.settings = settings;
        this.loop = new SipLoop("parley-sip-loop");
        this.threads = new IoThreads("parley-sip-");
        this.listenerThreads = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("parley-sip-listener-", 0).factory());
        this.core = new SipCore(settings, loop, counters, listenerThreads, handler);
        Transports bound;
        try {
            bound = Transports.bind(settings.bindAddress(), settings.port(), threads, loop, counters, core::onBytes,
                    settings.timers().timeout());
        } catch (RuntimeException e) {
            loop.shutdown(CLOSE_WAIT);
            listenerThreads.shutdownNow();
            throw e;
        }
        this.transports = bound;
        core.attach(bound, new MessageFactory(advertisedHost(settings), bound.port(), settings.userAgent()));
    }

    /** Binds UDP and TCP and starts serving; fails with an unchecked I/O exception when the port is taken. */
    public static SipStack start(SipSettings settings, InboundHandler handler) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(handler, "handler");
        return new SipStack(settings, handler);
    }

    /** The UDP and TCP port (the bound one when the settings asked for 0). */
    public int port() {
        return transports.port();
    }

    /** The host this stack puts in Via and Contact. */
    public String advertisedHost() {
        return core.messages().host();
    }

    /** Places a call; the INVITE leaves at once, and {@code listener} hears how it goes. */
    public OutgoingCall invite(OutgoingInvite invite, OutgoingCall.Listener listener) {
        Objects.requireNonNull(invite, "invite");
        Objects.requireNonNull(listener, "listener");
        requireOpen();
        var call = new UacCall(core, invite, listener);
        loop.execute(call::start);
        return call;
    }

    /**
     * Sends one OPTIONS to {@code target}; the future gets the final status: the peer's, or
     * 408 when nothing came back within 64*T1, or 503 when sending failed.
     */
    public CompletableFuture<Integer> options(SipUri target, Transport transport) {
        return options(target, transport, Optional.empty());
    }

    /** {@link #options(SipUri, Transport)}, answering a 401 or 407 once with {@code credentials}. */
    public CompletableFuture<Integer> options(SipUri target, Transport transport,
            Optional<DigestCredentials> credentials) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(credentials, "credentials");
        requireOpen();
        var result = new CompletableFuture<Integer>();
        loop.execute(() -> OptionsPing.send(core, target, transport, credentials, r -> result.complete(r.status())));
        return result;
    }

    /**
     * OPTIONS to {@code target} now and then every {@code interval}; {@code reachable} hears
     * the first result and every change (true while the peer answers anything, false once a
     * probe times out or cannot be sent). Closing the stack closes it too.
     */
    public KeepAlive keepAlive(SipUri target, Transport transport, Duration interval, Consumer<Boolean> reachable) {
        return keepAlive(target, transport, interval, Optional.empty(), reachable);
    }

    /** {@link #keepAlive(SipUri, Transport, Duration, Consumer)} for a trunk that challenges OPTIONS. */
    public KeepAlive keepAlive(SipUri target, Transport transport, Duration interval,
            Optional<DigestCredentials> credentials, Consumer<Boolean> reachable) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(reachable, "reachable");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        requireOpen();
        var task = new KeepAliveTask(core, target, transport, interval, credentials, reachable);
        synchronized (keepAlives) {
            keepAlives.add(task);
        }
        task.start();
        return task;
    }

    /** Counters and what is live, taken on the loop so the numbers agree with each other. */
    public SipDebugState debugState() {
        if (closed.get()) {
            return snapshot();
        }
        var snapshot = new CompletableFuture<SipDebugState>();
        loop.execute(() -> snapshot.complete(snapshot()));
        try {
            return snapshot.get(2, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            return snapshot();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return snapshot();
        }
    }

    private SipDebugState snapshot() {
        return new SipDebugState(transports.port(), counters.received.sum(), counters.sent.sum(),
                counters.malformedDropped.sum(), counters.badRequests.sum(), counters.retransmissionsSent.sum(),
                counters.retransmissionsReceived.sum(), counters.strayResponses.sum(),
                counters.transportErrors.sum(), core.transactions().size(), core.calls().dialogs(),
                core.calls().size(), transports.tcpConnections(), threads.live(), loop.errors());
    }

    /**
     * Ends every call (a best-effort BYE for established ones; listeners hear nothing more),
     * stops keep-alives, terminates transactions, closes the sockets, and waits for the loop
     * and every I/O thread to end.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (keepAlives) {
            keepAlives.forEach(KeepAliveTask::close);
        }
        var drained = new CompletableFuture<Void>();
        loop.execute(() -> {
            core.calls().all().forEach(CallSession::shutdown);
            core.transactions().clear();
            drained.complete(null);
        });
        try {
            drained.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            // Closing regardless.
        }
        transports.close();
        loop.shutdown(CLOSE_WAIT);
        listenerThreads.shutdownNow();
        try {
            listenerThreads.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.join(CLOSE_WAIT);
    }

    /** Test seam: outbound messages for which {@code drop} is true are counted as sent but never leave. */
    void dropOutbound(BiPredicate<byte[], Transport> drop) {
        transports.dropOutbound = drop;
    }

    /** Test seam: inbound messages for which {@code drop} is true are discarded before parsing. */
    void dropInbound(BiPredicate<byte[], Transport> drop) {
        transports.dropInbound = drop;
    }

    /** Whether the loop has stopped (after {@link #close()}). */
    boolean loopTerminated() {
        return loop.isTerminated();
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the SIP stack is closed");
        }
    }

    /**
     * The host for Via and Contact: the configured one, else the bind address, else (bound to
     * the wildcard) the first non-loopback IPv4 address of an interface that is up, else loopback.
     */
    static String advertisedHost(SipSettings settings) {
        if (settings.advertisedHost().isPresent()) {
            return settings.advertisedHost().get();
        }
        InetAddress bind = settings.bindAddress();
        if (!bind.isAnyLocalAddress()) {
            return hostOf(bind);
        }
        try {
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : nic.inetAddresses().toList()) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // Fall back to loopback.
        }
        return hostOf(InetAddress.getLoopbackAddress());
    }

    private static String hostOf(InetAddress address) {
        String text = address.getHostAddress();
        return text.indexOf(':') >= 0 ? "[" + text + "]" : text;
    }
}
