package dev.parley.telephony.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.parley.protocol.sip.NameAddr;
import dev.parley.protocol.sip.SipUri;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/** Shared pieces of the telephony tests: fast timers, event recorders, and the leak checks. */
final class SipTestSupport {

    /** T1 20 ms: 64*T1 is 1.28 s, so timeouts and transaction lifetimes stay short. */
    static final SipTimers FAST = new SipTimers(Duration.ofMillis(20), Duration.ofMillis(160), Duration.ofMillis(100));
    static final Duration WAIT = Duration.ofSeconds(5);

    static final String OFFER = sdp("192.0.2.10", 20000, "sendrecv");
    static final String ANSWER = sdp("192.0.2.20", 30000, "sendrecv");

    private SipTestSupport() {
    }

    static String sdp(String address, int port, String direction) {
        return "v=0\r\no=- 1 1 IN IP4 " + address + "\r\ns=-\r\nc=IN IP4 " + address + "\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\na=" + direction
                + "\r\n";
    }

    static SipStack stack(InboundHandler handler) {
        return SipStack.start(SipSettings.loopback().withTimers(FAST), handler);
    }

    static SipUri uriOf(SipStack stack, String user) {
        return SipUri.of(user, "127.0.0.1").withHostPort("127.0.0.1", stack.port());
    }

    static OutgoingInvite inviteTo(SipStack callee, Transport transport) {
        return OutgoingInvite.of(uriOf(callee, "+4420555"), transport,
                NameAddr.of("+4411111", SipUri.of("+4411111", "parley.local")),
                NameAddr.of(SipUri.of("+4420555", "parley.local")), OFFER);
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** Once the calls are over: no call or dialog left, no loop error. */
    static void assertQuiet(SipStack stack) {
        await("calls and dialogs to end on port " + stack.port(), Duration.ofSeconds(5), () -> {
            SipDebugState state = stack.debugState();
            return state.callsLive() == 0 && state.dialogsLive() == 0;
        });
        assertEquals(0, stack.debugState().loopErrors(), "a loop task threw");
    }

    /** {@link #assertQuiet}, and every transaction terminated once its timers ran out (64*T1 at most). */
    static void assertDrained(SipStack stack) {
        assertQuiet(stack);
        await("transactions to terminate on port " + stack.port(), Duration.ofSeconds(5),
                () -> stack.debugState().transactionsLive() == 0);
    }

    /** Closes the stack and checks that it left nothing behind: threads, loop, calls, the port. */
    static void closeAndAssertClean(SipStack stack) {
        int port = stack.port();
        stack.close();
        SipDebugState state = stack.debugState();
        assertEquals(0, state.ioThreads(), "I/O threads outlived close: " + state.toJson());
        assertEquals(0, state.transactionsLive(), state.toJson());
        assertEquals(0, state.callsLive(), state.toJson());
        assertEquals(0, state.tcpConnections(), state.toJson());
        assertEquals(0, state.loopErrors(), state.toJson());
        assertTrue(stack.loopTerminated(), "the loop thread is still running");
        assertPortFree(port);
    }

    static void assertPortFree(int port) {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try (DatagramChannel udp = DatagramChannel.open().bind(address);
                ServerSocketChannel tcp = ServerSocketChannel.open().bind(address)) {
            assertTrue(udp.isOpen() && tcp.isOpen());
        } catch (IOException e) {
            fail("port " + port + " still taken after close: " + e);
        }
    }

    /** Events in arrival order, as short strings, with waits. */
    static final class Events {

        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private final List<String> all = new ArrayList<>();

        synchronized void add(String event) {
            all.add(event);
            queue.add(event);
        }

        /** The next event, which must start with {@code prefix}. */
        String expect(String prefix) {
            String next = next();
            if (!next.startsWith(prefix)) {
                fail("expected an event starting with '" + prefix + "' but got '" + next + "' (all: " + all() + ")");
            }
            return next;
        }

        /** Skips events until one starts with {@code prefix}. */
        String awaitEvent(String prefix) {
            while (true) {
                String next = next();
                if (next.startsWith(prefix)) {
                    return next;
                }
            }
        }

        String next() {
            try {
                String event = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (event == null) {
                    fail("no event within " + WAIT + " (so far: " + all() + ")");
                }
                return event;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** Asserts no further event arrives within {@code quiet}. */
        void expectNothing(Duration quiet) {
            try {
                String event = queue.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
                if (event != null) {
                    fail("unexpected event '" + event + "' (all: " + all() + ")");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized List<String> all() {
            return List.copyOf(all);
        }
    }

    /** Records an outgoing call's events; answers re-INVITEs with {@code reinviteAnswer}. */
    static final class Caller implements OutgoingCall.Listener {

        final Events events = new Events();
        volatile Function<String, CompletableFuture<String>> reinviteAnswer = offer -> CompletableFuture
                .completedFuture(ANSWER);

        @Override
        public void onProgress(int status, String reason, Optional<String> sdp) {
            events.add("progress " + status + (sdp.isPresent() ? " sdp" : ""));
        }

        @Override
        public void onAnswered(String sdpAnswer) {
            events.add("answered " + sdpAnswer.length());
        }

        @Override
        public void onFailed(int status, String reason) {
            events.add("failed " + status);
        }

        @Override
        public void onRemoteHangup() {
            events.add("remoteHangup");
        }

        @Override
        public CompletableFuture<String> onReinvite(String sdpOffer) {
            events.add("reinvite " + (sdpOffer.contains("a=sendonly") ? "sendonly" : "sendrecv"));
            return reinviteAnswer.apply(sdpOffer);
        }
    }

    /**
     * The called side: each incoming call gets a recording listener, then {@code behaviour}
     * runs in {@link InboundHandler#onInvite}; calls are queued for the test.
     */
    static final class Callee implements InboundHandler {

        final Events events = new Events();
        final BlockingQueue<IncomingCall> calls = new LinkedBlockingQueue<>();
        volatile Consumer<IncomingCall> behaviour = call -> {
            call.ringing();
            call.answer(ANSWER);
        };
        volatile Function<String, CompletableFuture<String>> reinviteAnswer = offer -> CompletableFuture
                .completedFuture(ANSWER);

        @Override
        public void onInvite(IncomingCall call) {
            events.add("invite " + call.from().uri().write());
            call.setListener(new IncomingCall.Listener() {
                @Override
                public void onCancelled() {
                    events.add("cancelled");
                }

                @Override
                public void onAcked() {
                    events.add("acked");
                }

                @Override
                public void onRemoteHangup() {
                    events.add("remoteHangup");
                }

                @Override
                public CompletableFuture<String> onReinvite(String sdpOffer) {
                    events.add("reinvite " + (sdpOffer.contains("a=sendonly") ? "sendonly" : "sendrecv"));
                    return reinviteAnswer.apply(sdpOffer);
                }

                @Override
                public void onAckTimeout() {
                    events.add("ackTimeout");
                }
            });
            calls.add(call);
            behaviour.accept(call);
        }

        IncomingCall nextCall() {
            try {
                IncomingCall call = calls.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (call == null) {
                    fail("no incoming call within " + WAIT);
                }
                return call;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
