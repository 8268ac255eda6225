package dev.parley.telephony.sip;

import static dev.parley.telephony.sip.SipTestSupport.assertQuiet;
import static dev.parley.telephony.sip.SipTestSupport.closeAndAssertClean;
import static dev.parley.telephony.sip.SipTestSupport.inviteTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.sip.SipUri;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lost datagrams (dropped by the test seam) are recovered by retransmission; silence ends in 408. */
class SipStackLossTest {

    private final SipTestSupport.Callee callee = new SipTestSupport.Callee();
    private final SipTestSupport.Caller caller = new SipTestSupport.Caller();
    private SipStack calling;
    private SipStack called;

    @BeforeEach
    void start() {
        calling = SipTestSupport.stack(InboundHandler.REJECT_ALL);
        called = SipTestSupport.stack(callee);
    }

    @AfterEach
    void stop() {
        assertQuiet(calling);
        assertQuiet(called);
        closeAndAssertClean(calling);
        closeAndAssertClean(called);
    }

    /** Drops the first {@code times} messages starting with {@code prefix}. */
    private static BiPredicate<byte[], Transport> dropFirst(String prefix, int times) {
        var dropped = new AtomicInteger();
        return (bytes, transport) -> {
            String start = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8);
            return start.startsWith(prefix) && dropped.getAndIncrement() < times;
        };
    }

    private void establishAndHangUp() {
        OutgoingCall call = calling.invite(inviteTo(called, Transport.UDP), caller);
        caller.events.awaitEvent("answered");
        callee.events.awaitEvent("acked");
        call.hangup();
        callee.events.awaitEvent("remoteHangup");
    }

    @Test
    void aLostInviteIsRetransmittedByTimerA() {
        calling.dropOutbound(dropFirst("INVITE ", 2));
        establishAndHangUp();
        assertTrue(calling.debugState().retransmissionsSent() >= 2, calling.debugState().toJson());
    }

    @Test
    void aLost200IsRetransmittedUntilTheAck() {
        called.dropOutbound(dropFirst("SIP/2.0 200 OK", 2));
        establishAndHangUp();
        assertTrue(called.debugState().retransmissionsSent() >= 2, called.debugState().toJson());
    }

    @Test
    void aLostAckBringsThe200BackAndTheCallerAcksAgain() {
        calling.dropOutbound(dropFirst("ACK ", 1));
        establishAndHangUp();
        assertTrue(called.debugState().retransmissionsSent() >= 1, "the callee resent its 200");
        assertTrue(calling.debugState().retransmissionsReceived() >= 1, "the caller saw the 200 again and re-ACKed");
    }

    @Test
    void aLostByeAndALostCancelAreRetransmittedByTimerE() {
        calling.dropOutbound(dropFirst("BYE ", 1));
        establishAndHangUp();
        assertTrue(calling.debugState().retransmissionsSent() >= 1);

        callee.behaviour = IncomingCall::ringing;
        calling.dropOutbound(dropFirst("CANCEL ", 1));
        OutgoingCall second = calling.invite(inviteTo(called, Transport.UDP), caller);
        caller.events.awaitEvent("progress 180");
        second.cancel();
        callee.events.awaitEvent("cancelled");
        caller.events.expect("failed 487");
    }

    @Test
    void noAckAtAllEndsTheCallWithBye() {
        calling.dropOutbound((bytes, transport) -> new String(bytes, 0, 4, StandardCharsets.UTF_8).equals("ACK "));
        calling.invite(inviteTo(called, Transport.UDP), caller);
        caller.events.awaitEvent("answered");
        callee.events.awaitEvent("ackTimeout");
        caller.events.expect("remoteHangup");
    }

    @Test
    void silenceEndsAnInviteWith408AndOptionsToo() throws Exception {
        try (DatagramChannel deaf = DatagramChannel.open().bind(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            int port = ((InetSocketAddress) deaf.getLocalAddress()).getPort();
            SipUri nowhere = SipUri.of("bob", "127.0.0.1").withHostPort("127.0.0.1", port);
            long start = System.nanoTime();
            calling.invite(OutgoingInvite.of(nowhere, Transport.UDP, inviteTo(called, Transport.UDP).from(),
                    inviteTo(called, Transport.UDP).to(), SipTestSupport.OFFER), caller);
            assertEquals(408, calling.options(nowhere, Transport.UDP).get(5, TimeUnit.SECONDS));
            caller.events.expect("failed 408");
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(elapsedMs >= 64 * 20, "timer B is 64*T1, took " + elapsedMs + " ms");
            assertTrue(calling.debugState().retransmissionsSent() >= 6, "timer A and E kept retransmitting");
        }
    }

    @Test
    void aRefusedTcpConnectionFailsWith503() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        SipUri nowhere = SipUri.of("bob", "127.0.0.1").withHostPort("127.0.0.1", closedPort);
        calling.invite(OutgoingInvite.of(nowhere, Transport.TCP, inviteTo(called, Transport.TCP).from(),
                inviteTo(called, Transport.TCP).to(), SipTestSupport.OFFER), caller);
        caller.events.expect("failed 503");
        assertEquals(503, calling.options(nowhere, Transport.TCP).get(5, TimeUnit.SECONDS));
    }

    @Test
    void keepAliveReportsAPeerThatGoesAway() throws Exception {
        SipStack peer = SipTestSupport.stack(InboundHandler.REJECT_ALL);
        var reachable = new LinkedBlockingQueue<Boolean>();
        try (KeepAlive keepAlive = calling.keepAlive(SipTestSupport.uriOf(peer, "trunk"), Transport.UDP,
                Duration.ofMillis(100), reachable::add)) {
            assertEquals(Boolean.TRUE, reachable.poll(5, TimeUnit.SECONDS));
            peer.dropInbound((bytes, transport) -> true);
            assertEquals(Boolean.FALSE, reachable.poll(5, TimeUnit.SECONDS));
            peer.dropInbound((bytes, transport) -> false);
            assertEquals(Boolean.TRUE, reachable.poll(5, TimeUnit.SECONDS));
            assertTrue(keepAlive.reachable());
        } finally {
            closeAndAssertClean(peer);
        }
    }
}
