package dev.parley.telephony.sip;

import static dev.parley.telephony.sip.SipTestSupport.assertQuiet;
import static dev.parley.telephony.sip.SipTestSupport.closeAndAssertClean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.sip.DigestCredentials;
import dev.parley.protocol.sip.NameAddr;
import dev.parley.protocol.sip.SipUri;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real peer: sipp calling the stack, answering it, challenging it, cancelling, re-INVITEing,
 * answering OPTIONS and sending malformed requests, over UDP and TCP ({@code -t t1}).
 */
class SipSippTest {

    private static final Duration SIPP_WAIT = Duration.ofSeconds(25);
    /** T1 50 ms: quick timeouts without racing sipp's own 500 ms retransmissions. */
    private static final SipTimers TIMERS = new SipTimers(Duration.ofMillis(50), Duration.ofMillis(400),
            Duration.ofMillis(200));

    private final SipTestSupport.Callee callee = new SipTestSupport.Callee();
    private final SipTestSupport.Caller caller = new SipTestSupport.Caller();
    private SipStack stack;

    @BeforeAll
    static void needSipp() {
        Sipp.require();
    }

    @BeforeEach
    void start() {
        stack = SipStack.start(SipSettings.loopback().withTimers(TIMERS), callee);
    }

    @AfterEach
    void stop() {
        assertQuiet(stack);
        closeAndAssertClean(stack);
    }

    private String stackAddress() {
        return "127.0.0.1:" + stack.port();
    }

    private static List<String> transportArgs(Transport transport) {
        return transport == Transport.TCP ? List.of("-t", "t1") : List.of("-t", "u1");
    }

    private SipUri sippUri(Sipp sipp, Transport transport) {
        SipUri uri = SipUri.of("sipp", "127.0.0.1").withHostPort("127.0.0.1", sipp.port());
        return transport == Transport.TCP ? uri.withParams(uri.params().with("transport", "tcp")) : uri;
    }

    private static NameAddr from() {
        return NameAddr.of("+4411111", SipUri.of("+4411111", "parley.local"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void sippCallsTheStackAndHangsUp(Transport transport) {
        try (Sipp sipp = Sipp.start("uac-" + transport, concat(List.of("-sn", "uac", "-s", "+4420555"),
                transportArgs(transport), List.of(stackAddress())))) {
            sipp.await(SIPP_WAIT).assertSuccess();
        }
        callee.events.expect("invite");
        callee.events.expect("acked");
        callee.events.expect("remoteHangup");
        IncomingCall call = callee.nextCall();
        assertEquals(transport, call.transport());
        assertTrue(call.sdpOffer().orElseThrow().contains("m=audio"));
        assertEquals(Optional.of("+4420555"), ((SipUri) call.requestUri()).user());
    }

    @Test
    void sippCancelsWhileItRings() {
        callee.behaviour = IncomingCall::ringing;
        try (Sipp sipp = Sipp.start("uac-cancel", List.of("-sf", Sipp.scenario("uac_cancel.xml"), "-s", "+4420555",
                stackAddress()))) {
            sipp.await(SIPP_WAIT).assertSuccess();
        }
        callee.events.expect("invite");
        callee.events.expect("cancelled");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void sippPutsTheCallOnHoldWithAReinvite(Transport transport) {
        callee.reinviteAnswer = offer -> CompletableFuture.completedFuture(
                SipTestSupport.sdp("192.0.2.20", 30000, "recvonly"));
        try (Sipp sipp = Sipp.start("uac-reinvite-" + transport, concat(List.of("-sf",
                Sipp.scenario("uac_reinvite.xml"), "-s", "+4420555"), transportArgs(transport),
                List.of(stackAddress())))) {
            sipp.await(SIPP_WAIT).assertSuccess();
        }
        callee.events.expect("invite");
        callee.events.expect("acked");
        callee.events.expect("reinvite sendonly");
        callee.events.expect("remoteHangup");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void theStackCallsSippAndHearsEarlyMedia(Transport transport) {
        try (Sipp sipp = Sipp.start("uas-early-media-" + transport, concat(List.of("-sf",
                Sipp.scenario("uas_early_media.xml")), transportArgs(transport)))) {
            OutgoingCall call = stack.invite(OutgoingInvite.of(sippUri(sipp, transport), transport, from(),
                    NameAddr.of(SipUri.of("+4420555", "trunk.example.net")), SipTestSupport.OFFER), caller);
            caller.events.expect("progress 180");
            caller.events.expect("progress 183 sdp");
            caller.events.expect("answered");
            call.hangup();
            sipp.await(SIPP_WAIT).assertSuccess();
        }
    }

    @Test
    void theStackAnswersSippsDigestChallenge() {
        try (Sipp sipp = Sipp.start("uas-auth", List.of("-sf", Sipp.scenario("uas_auth.xml")))) {
            OutgoingCall call = stack.invite(OutgoingInvite.of(sippUri(sipp, Transport.UDP), Transport.UDP, from(),
                    NameAddr.of(SipUri.of("+4420555", "trunk.example.net")), SipTestSupport.OFFER)
                    .withCredentials(new DigestCredentials("alice", "wonderland")), caller);
            caller.events.expect("answered");
            call.hangup();
            Sipp.Result result = sipp.await(SIPP_WAIT).assertSuccess();
            assertTrue(result.messages().contains("Authorization: Digest username=\"alice\""), "the retried INVITE");
        }
    }

    @Test
    void keepAliveSeesSippAnswerThenGoAway() throws Exception {
        var reachable = new LinkedBlockingQueue<Boolean>();
        try (Sipp sipp = Sipp.start("uas-options", List.of("-sf", Sipp.scenario("uas_options.xml"), "-m", "3"));
                KeepAlive keepAlive = stack.keepAlive(SipUri.of("127.0.0.1", sipp.port()), Transport.UDP,
                        Duration.ofMillis(300), reachable::add)) {
            assertEquals(Boolean.TRUE, reachable.poll(10, TimeUnit.SECONDS));
            sipp.await(SIPP_WAIT).assertSuccess();
            assertEquals(Boolean.FALSE, reachable.poll(10, TimeUnit.SECONDS), "sipp has stopped answering");
            assertTrue(!keepAlive.reachable());
        }
    }

    @Test
    void malformedRequestsGet400OrAreDroppedAndTheNextCallIsServed() throws IOException {
        try (Sipp sipp = Sipp.start("uac-malformed", List.of("-sf", Sipp.scenario("uac_malformed.xml"), "-s",
                "+4420555", stackAddress()))) {
            sipp.await(SIPP_WAIT).assertSuccess();
        }
        byte[] garbage = "\u0000\u00ffNOT SIP AT ALL\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.send(new DatagramPacket(garbage, garbage.length, InetAddress.getLoopbackAddress(), stack.port()));
        }
        try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), stack.port())) {
            tcp.getOutputStream().write("INVITE sip:x SIP/2.0\r\nContent-Length: nope\r\n\r\n".getBytes(
                    StandardCharsets.US_ASCII));
            tcp.getOutputStream().flush();
            SipTestSupport.await("the broken TCP stream to be dropped", Duration.ofSeconds(5),
                    () -> stack.debugState().malformedDropped() >= 3);
        }
        SipDebugState state = stack.debugState();
        assertEquals(1, state.badRequests());
        try (Sipp sipp = Sipp.start("uac-after-garbage", List.of("-sn", "uac", "-s", "+4420555", stackAddress()))) {
            sipp.await(SIPP_WAIT).assertSuccess();
        }
        callee.events.awaitEvent("remoteHangup");
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
