package dev.parley.telephony.sip;

import static dev.parley.telephony.sip.SipTestSupport.ANSWER;
import static dev.parley.telephony.sip.SipTestSupport.OFFER;
import static dev.parley.telephony.sip.SipTestSupport.assertQuiet;
import static dev.parley.telephony.sip.SipTestSupport.closeAndAssertClean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.sip.Digest;
import dev.parley.protocol.sip.DigestAlgorithm;
import dev.parley.protocol.sip.DigestAuthorization;
import dev.parley.protocol.sip.DigestChallenge;
import dev.parley.protocol.sip.DigestCredentials;
import dev.parley.protocol.sip.NameAddr;
import dev.parley.protocol.sip.SipIds;
import dev.parley.protocol.sip.SipRequest;
import dev.parley.protocol.sip.SipResponse;
import dev.parley.protocol.sip.SipResponses;
import dev.parley.protocol.sip.SipUri;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A hand-driven peer sends exactly what each case needs: odd requests, challenges, races. */
class SipStackPeerTest {

    private final SipTestSupport.Callee callee = new SipTestSupport.Callee();
    private final SipTestSupport.Caller caller = new SipTestSupport.Caller();
    private SipStack stack;
    private SipPeer peer;

    @BeforeEach
    void start() {
        stack = SipTestSupport.stack(callee);
        peer = new SipPeer();
    }

    @AfterEach
    void stop() {
        peer.close();
        assertQuiet(stack);
        closeAndAssertClean(stack);
    }

    private String request(String method, String extra, String body) {
        String branch = SipIds.newBranch();
        return SipPeer.request(method + " sip:parley@127.0.0.1:" + stack.port() + " SIP/2.0", """
                Via: SIP/2.0/UDP 127.0.0.1:%d;branch=%s;rport
                Max-Forwards: 70
                From: <sip:peer@127.0.0.1>;tag=p1
                To: <sip:parley@127.0.0.1>
                Call-ID: %s
                CSeq: 1 %s
                Contact: %s
                %s
                """.formatted(peer.port(), branch, SipIds.newCallId(), method, peer.contact(), extra), body);
    }

    @Test
    void theStackRefusesWhatItDoesNotServe() {
        peer.send(request("REGISTER", "", ""), stack.port());
        SipResponse register = peer.nextResponse(405);
        assertEquals(Optional.of("INVITE, ACK, CANCEL, BYE, OPTIONS"),
                Optional.of(String.join(", ", register.headerValues("Allow"))));
        peer.send(request("FROBNICATE", "", ""), stack.port());
        peer.nextResponse(501);
        peer.send(request("INVITE", "Max-Forwards: 0", OFFER).replace("Max-Forwards: 70\r\n", ""), stack.port());
        peer.nextResponse(483);
        peer.send(request("INVITE", "Require: 100rel", OFFER), stack.port());
        assertEquals(Optional.of("100rel"), peer.nextResponse(420).header("Unsupported"));
        peer.send(request("BYE", "", "").replace("To: <sip:parley@127.0.0.1>", "To: <sip:parley@127.0.0.1>;tag=gone"),
                stack.port());
        peer.nextResponse(481);
        peer.send(request("CANCEL", "", ""), stack.port());
        peer.nextResponse(481);
        peer.send(request("INVITE", "Content-Type: text/plain", "hello"), stack.port());
        peer.nextResponse(415);
        peer.send(request("OPTIONS", "", ""), stack.port());
        SipResponse options = peer.nextResponse(200);
        assertEquals(Optional.of("application/sdp"), options.header("Accept"));
        assertTrue(callee.calls.isEmpty(), "none of these reached the application");
    }

    @Test
    void malformedInputGets400OrIsDroppedAndTheStackServesTheNextCall() {
        long before = stack.debugState().malformedDropped();
        peer.send("\u0000\u0001garbage that is not SIP\r\n\r\n", stack.port());
        peer.send(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41}, stack.port());
        peer.send(request("INVITE", "Contact: <sip:broken", OFFER).replaceFirst("Contact: <sip:peer@[^\\r]*\\r\\n",
                ""), stack.port());
        SipResponse bad = peer.nextResponse(400);
        assertEquals("Bad Request (malformed Contact)", bad.reason());
        assertTrue(bad.to().tag().isPresent());
        assertTrue(peer.poll(Duration.ofMillis(100)).isEmpty(), "garbage gets no answer");
        SipDebugState state = stack.debugState();
        assertEquals(before + 3, state.malformedDropped());
        assertEquals(1, state.badRequests());

        callee.behaviour = call -> call.answer(ANSWER);
        peer.send(request("INVITE", "", OFFER), stack.port());
        SipResponse ok = peer.nextResponse(200);
        assertEquals(ANSWER, ok.bodyText());
        peer.send(ack(ok), stack.port());
        callee.events.awaitEvent("acked");
        callee.nextCall().hangup();
        SipRequest bye = peer.nextRequest("BYE");
        peer.send(SipResponses.reply(bye, 200), stack.port());
    }

    @Test
    void aRetransmittedInviteMakesOneCallAndGetsTheLastResponseAgain() {
        callee.behaviour = IncomingCall::ringing;
        String invite = request("INVITE", "", OFFER);
        peer.send(invite, stack.port());
        peer.nextResponse(180);
        peer.send(invite, stack.port());
        peer.nextResponse(180);
        assertEquals(1, callee.calls.size());
        assertTrue(stack.debugState().retransmissionsReceived() >= 1);
        callee.nextCall().reject(486, "Busy Here");
        SipResponse busy = peer.nextResponse(486);
        peer.send(ackFor(invite, busy), stack.port());
        assertTrue(peer.poll(Duration.ofMillis(100)).isEmpty(), "the ACK stopped timer G");
    }

    @Test
    void aChallengedByeIsSentAgainWithCredentials() {
        OutgoingCall call = stack.invite(OutgoingInvite.of(peerUri(), Transport.UDP, from(), to(), OFFER)
                .withCredentials(new DigestCredentials("alice", "secret")), caller);
        SipRequest invite = peer.nextRequest("INVITE");
        SipResponse ok = answer(invite);
        peer.send(ok, stack.port());
        caller.events.expect("answered");
        peer.nextRequest("ACK");
        call.hangup();
        SipRequest bye = peer.nextRequest("BYE");
        var challenge = new DigestChallenge("peer", "abc", Optional.empty(), DigestAlgorithm.MD5, List.of("auth"),
                false);
        SipResponse unauthorized = SipResponses.reply(bye, 401);
        peer.send(unauthorized.withHeaders(unauthorized.headers().with("WWW-Authenticate", challenge.write())),
                stack.port());
        SipRequest again = peer.nextRequest("BYE");
        assertEquals(bye.callId(), again.callId());
        assertEquals(bye.cseq().sequence() + 1, again.cseq().sequence());
        DigestAuthorization credentials = DigestAuthorization.parse(again.header("Authorization").orElseThrow())
                .orElseThrow();
        assertTrue(Digest.verify(credentials, "BYE", "secret"));
        peer.send(SipResponses.reply(again, 200), stack.port());
    }

    @Test
    void optionsAnswersAProxyChallenge() throws Exception {
        var result = stack.options(peerUri(), Transport.UDP,
                Optional.of(new DigestCredentials("trunk-user", "trunk-pass")));
        SipRequest options = peer.nextRequest("OPTIONS");
        var challenge = new DigestChallenge("carrier", "n1", Optional.of("o"), DigestAlgorithm.SHA_256,
                List.of("auth"), false);
        SipResponse required = SipResponses.reply(options, 407);
        peer.send(required.withHeaders(required.headers().with("Proxy-Authenticate", challenge.write())),
                stack.port());
        SipRequest again = peer.nextRequest("OPTIONS");
        assertEquals(options.callId(), again.callId());
        assertEquals(2, again.cseq().sequence());
        assertTrue(Digest.verify(DigestAuthorization.parse(again.header("Proxy-Authorization").orElseThrow())
                .orElseThrow(), "OPTIONS", "trunk-pass"));
        peer.send(SipResponses.reply(again, 200), stack.port());
        assertEquals(200, result.get(5, TimeUnit.SECONDS));
    }

    @Test
    void a200ThatCrossesTheCancelIsAckedAndByed() {
        OutgoingCall call = stack.invite(OutgoingInvite.of(peerUri(), Transport.UDP, from(), to(), OFFER), caller);
        SipRequest invite = peer.nextRequest("INVITE");
        peer.send(SipResponses.reply(invite, 180, "Ringing", Optional.of("callee")), stack.port());
        caller.events.expect("progress 180");
        call.cancel();
        SipRequest cancel = peer.nextRequest("CANCEL");
        peer.send(answer(invite), stack.port());
        peer.send(SipResponses.reply(cancel, 200), stack.port());
        SipRequest ack = peer.nextRequest("ACK");
        assertEquals(invite.cseq().sequence(), ack.cseq().sequence());
        SipRequest bye = peer.nextRequest("BYE");
        assertEquals(invite.callId(), bye.callId());
        peer.send(SipResponses.reply(bye, 200), stack.port());
        caller.events.expect("failed 487");
    }

    @Test
    void aRetransmitted200IsAckedAgainAndASecondForkIsByed() {
        stack.invite(OutgoingInvite.of(peerUri(), Transport.UDP, from(), to(), OFFER), caller);
        SipRequest invite = peer.nextRequest("INVITE");
        SipResponse ok = answer(invite);
        peer.send(ok, stack.port());
        peer.nextRequest("ACK");
        peer.send(ok, stack.port());
        peer.nextRequest("ACK");
        caller.events.expect("answered");

        SipResponse fork = SipResponses.reply(invite, 200, "OK", Optional.of("fork2"));
        peer.send(fork.withHeaders(fork.headers().with("Contact", peer.contact())).withBody("application/sdp",
                ANSWER), stack.port());
        SipRequest forkAck = peer.nextRequest("ACK");
        assertEquals(Optional.of("fork2"), forkAck.to().tag());
        SipRequest forkBye = peer.nextRequest("BYE");
        assertEquals(Optional.of("fork2"), forkBye.to().tag());
        peer.send(SipResponses.reply(forkBye, 200), stack.port());
        caller.events.expectNothing(Duration.ofMillis(100));

        SipRequest bye = byeFromPeer(invite, ok);
        peer.send(bye, stack.port());
        peer.nextResponse(200);
        caller.events.expect("remoteHangup");
    }

    @Test
    void aReinviteWithAnOldCSeqGets500AndOneWithoutSdpIsOfferedTheSession() {
        callee.behaviour = call -> call.answer(ANSWER);
        String invite = request("INVITE", "", OFFER);
        peer.send(invite, stack.port());
        SipResponse ok = peer.nextResponse(200);
        peer.send(ack(ok), stack.port());
        callee.events.awaitEvent("acked");
        peer.send(reinvite(ok, 1, OFFER), stack.port());
        SipResponse old = peer.nextResponse(500);
        peer.send(ackFor(old), stack.port());
        peer.send(reinvite(ok, 2, ""), stack.port());
        SipResponse offer = peer.nextResponse(200);
        assertEquals(ANSWER, offer.bodyText(), "our current session, offered again");
        peer.send(ack(offer), stack.port());
        callee.nextCall().hangup();
        peer.send(SipResponses.reply(peer.nextRequest("BYE"), 200), stack.port());
    }

    private SipUri peerUri() {
        return SipUri.of("bob", "127.0.0.1").withHostPort("127.0.0.1", peer.port());
    }

    private static NameAddr from() {
        return NameAddr.of(SipUri.of("alice", "parley.local"));
    }

    private static NameAddr to() {
        return NameAddr.of(SipUri.of("bob", "127.0.0.1"));
    }

    private SipResponse answer(SipRequest invite) {
        SipResponse ok = SipResponses.reply(invite, 200, "OK", Optional.of("callee"));
        return ok.withHeaders(ok.headers().with("Contact", peer.contact())).withBody("application/sdp", ANSWER);
    }

    /** An ACK for our 2xx from the peer (a new transaction, §13.2.2.4). */
    private String ack(SipResponse ok) {
        return SipPeer.request("ACK sip:parley@127.0.0.1:" + stack.port() + " SIP/2.0", """
                Via: SIP/2.0/UDP 127.0.0.1:%d;branch=%s
                Max-Forwards: 70
                From: %s
                To: %s
                Call-ID: %s
                CSeq: %d ACK
                """.formatted(peer.port(), SipIds.newBranch(), ok.headers().first("From").orElseThrow(),
                ok.headers().first("To").orElseThrow(), ok.callId(), ok.cseq().sequence()), "");
    }

    /** A re-INVITE from the peer in the dialog {@code ok} set up. */
    private String reinvite(SipResponse ok, long cseq, String sdp) {
        return SipPeer.request("INVITE " + ok.contact().orElseThrow().uri().write() + " SIP/2.0", """
                Via: SIP/2.0/UDP 127.0.0.1:%d;branch=%s
                Max-Forwards: 70
                From: %s
                To: %s
                Call-ID: %s
                CSeq: %d INVITE
                Contact: %s
                %s
                """.formatted(peer.port(), SipIds.newBranch(), ok.headers().first("From").orElseThrow(),
                ok.headers().first("To").orElseThrow(), ok.callId(), cseq, peer.contact(),
                sdp.isEmpty() ? "" : "Content-Type: application/sdp"), sdp);
    }

    /** The ACK for a non-2xx: the INVITE's branch (§17.1.1.3). */
    private String ackFor(SipResponse failure) {
        return ackFor("Via: " + failure.headers().first("Via").orElseThrow(), failure);
    }

    /** The ACK for a non-2xx: the INVITE's branch (§17.1.1.3). */
    private String ackFor(String invite, SipResponse failure) {
        String via = invite.lines().filter(l -> l.startsWith("Via:")).findFirst().orElseThrow();
        return SipPeer.request("ACK sip:parley@127.0.0.1:" + stack.port() + " SIP/2.0", via + "\n" + """
                Max-Forwards: 70
                From: %s
                To: %s
                Call-ID: %s
                CSeq: %d ACK
                """.formatted(failure.headers().first("From").orElseThrow(), failure.headers().first("To")
                .orElseThrow(), failure.callId(), failure.cseq().sequence()), "");
    }

    private SipRequest byeFromPeer(SipRequest invite, SipResponse ok) {
        String text = SipPeer.request("BYE " + invite.contact().orElseThrow().uri().write() + " SIP/2.0", """
                Via: SIP/2.0/UDP 127.0.0.1:%d;branch=%s
                Max-Forwards: 70
                From: %s
                To: %s
                Call-ID: %s
                CSeq: 1 BYE
                """.formatted(peer.port(), SipIds.newBranch(), ok.headers().first("To").orElseThrow(),
                invite.headers().first("From").orElseThrow(), invite.callId()), "");
        return (SipRequest) dev.parley.protocol.sip.SipParser.parse(text.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).orElseThrow();
    }
}
