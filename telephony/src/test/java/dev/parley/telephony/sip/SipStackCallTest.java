package dev.parley.telephony.sip;

import static dev.parley.telephony.sip.SipTestSupport.ANSWER;
import static dev.parley.telephony.sip.SipTestSupport.OFFER;
import static dev.parley.telephony.sip.SipTestSupport.assertQuiet;
import static dev.parley.telephony.sip.SipTestSupport.closeAndAssertClean;
import static dev.parley.telephony.sip.SipTestSupport.inviteTo;
import static dev.parley.telephony.sip.SipTestSupport.sdp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.sip.Digest;
import dev.parley.protocol.sip.DigestAuthorization;
import dev.parley.protocol.sip.DigestChallenge;
import dev.parley.protocol.sip.DigestAlgorithm;
import dev.parley.protocol.sip.DigestCredentials;
import dev.parley.protocol.sip.SipHeader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two stacks on loopback calling each other, over UDP and over TCP. */
class SipStackCallTest {

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

    @ParameterizedTest
    @EnumSource(Transport.class)
    void callAnswerAndTheCallerHangsUp(Transport transport) {
        OutgoingCall call = calling.invite(inviteTo(called, transport), caller);
        callee.events.expect("invite sip:+4411111@parley.local");
        caller.events.expect("progress 180");
        caller.events.expect("answered " + ANSWER.length());
        callee.events.expect("acked");
        IncomingCall incoming = callee.nextCall();
        assertEquals(call.callId(), incoming.callId());
        assertEquals(Optional.of(OFFER), incoming.sdpOffer());
        assertEquals(transport, incoming.transport());
        assertEquals(Optional.of("+4420555"), ((dev.parley.protocol.sip.SipUri) incoming.requestUri()).user());
        assertEquals(2, called.debugState().dialogsLive() + calling.debugState().dialogsLive());

        call.hangup();
        callee.events.expect("remoteHangup");
        caller.events.expectNothing(Duration.ofMillis(100));
        SipTestSupport.assertDrained(calling);
        SipTestSupport.assertDrained(called);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void theCalleeHangsUp(Transport transport) {
        calling.invite(inviteTo(called, transport), caller);
        caller.events.awaitEvent("answered");
        callee.events.awaitEvent("acked");
        callee.nextCall().hangup();
        caller.events.expect("remoteHangup");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void earlyMediaThenRejection(Transport transport) {
        callee.behaviour = call -> {
            call.progress(sdp("192.0.2.20", 30000, "sendonly"));
            call.reject(486, "Busy Here");
        };
        calling.invite(inviteTo(called, transport), caller);
        caller.events.expect("progress 183 sdp");
        caller.events.expect("failed 486");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void theCallerCancelsWhileItRings(Transport transport) {
        callee.behaviour = IncomingCall::ringing;
        OutgoingCall call = calling.invite(inviteTo(called, transport), caller);
        caller.events.expect("progress 180");
        call.cancel();
        callee.events.awaitEvent("cancelled");
        caller.events.expect("failed 487");
        SipTestSupport.assertDrained(calling);
        SipTestSupport.assertDrained(called);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aCancelBeforeAnyProvisionalWaitsForOne(Transport transport) {
        callee.behaviour = call -> { };
        OutgoingCall call = calling.invite(inviteTo(called, transport), caller);
        IncomingCall incoming = callee.nextCall();
        callee.events.expect("invite");
        call.cancel();
        callee.events.expectNothing(Duration.ofMillis(150));
        incoming.ringing();
        caller.events.expect("progress 180");
        callee.events.awaitEvent("cancelled");
        caller.events.expect("failed 487");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void theCalleeDeclinesByHangingUpBeforeAnswering(Transport transport) {
        callee.behaviour = call -> {
            call.ringing();
            call.hangup();
        };
        calling.invite(inviteTo(called, transport), caller);
        caller.events.expect("progress 180");
        caller.events.expect("failed 603");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void reinviteFromTheCallerForHoldAndResume(Transport transport) throws Exception {
        OutgoingCall call = calling.invite(inviteTo(called, transport), caller);
        caller.events.awaitEvent("answered");
        callee.events.awaitEvent("acked");
        callee.reinviteAnswer = offer -> CompletableFuture.completedFuture(sdp("192.0.2.20", 30000, "recvonly"));
        String answer = call.reinvite(sdp("192.0.2.10", 20000, "sendonly")).get(5, TimeUnit.SECONDS);
        assertTrue(answer.contains("a=recvonly"));
        callee.events.expect("reinvite sendonly");
        callee.reinviteAnswer = offer -> CompletableFuture.completedFuture(ANSWER);
        assertEquals(ANSWER, call.reinvite(OFFER).get(5, TimeUnit.SECONDS));
        callee.events.expect("reinvite sendrecv");
        call.hangup();
        callee.events.expect("remoteHangup");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void reinviteFromTheCallee(Transport transport) throws Exception {
        OutgoingCall call = calling.invite(inviteTo(called, transport), caller);
        caller.events.awaitEvent("answered");
        callee.events.awaitEvent("acked");
        IncomingCall incoming = callee.nextCall();
        assertEquals(ANSWER, incoming.reinvite(sdp("192.0.2.20", 30001, "sendonly")).get(5, TimeUnit.SECONDS));
        caller.events.expect("reinvite sendonly");
        caller.reinviteAnswer = offer -> CompletableFuture.failedFuture(new IllegalStateException("no"));
        var refused = assertInstanceOf(ExecutionException.class, catchFailure(incoming.reinvite(OFFER)));
        assertEquals(488, ((SipException) refused.getCause()).status());
        caller.events.expect("reinvite sendrecv");
        call.hangup();
        callee.events.expect("remoteHangup");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void reinviteGlareIsResolvedBy491AndARetry(Transport transport) throws Exception {
        OutgoingCall call = calling.invite(inviteTo(called, transport), caller);
        caller.events.awaitEvent("answered");
        callee.events.awaitEvent("acked");
        IncomingCall incoming = callee.nextCall();
        // Hold each re-INVITE back on arrival, so both are on the wire before either is seen.
        var callerHeld = new java.util.concurrent.atomic.AtomicBoolean();
        var calleeHeld = new java.util.concurrent.atomic.AtomicBoolean();
        calling.dropInbound((bytes, t) -> delayFirstReinvite(bytes, callerHeld));
        called.dropInbound((bytes, t) -> delayFirstReinvite(bytes, calleeHeld));
        var pending = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.BiPredicate<byte[], Transport> count491 = (bytes, t) -> {
            if (new String(bytes, 0, Math.min(bytes.length, 20), java.nio.charset.StandardCharsets.UTF_8)
                    .startsWith("SIP/2.0 491")) {
                pending.incrementAndGet();
            }
            return false;
        };
        calling.dropOutbound(count491);
        called.dropOutbound(count491);
        CompletableFuture<String> fromCaller = call.reinvite(sdp("192.0.2.10", 20000, "sendonly"));
        CompletableFuture<String> fromCallee = incoming.reinvite(sdp("192.0.2.20", 30000, "sendonly"));
        assertEquals(ANSWER, fromCaller.get(5, TimeUnit.SECONDS));
        assertEquals(ANSWER, fromCallee.get(5, TimeUnit.SECONDS));
        assertTrue(pending.get() >= 2, "each side answered the other's re-INVITE with 491 Request Pending");
        call.hangup();
        callee.events.awaitEvent("remoteHangup");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aDigestChallengeIsAnsweredWithTheSameCallId(Transport transport) {
        var credentials = new DigestCredentials("alice", "wonderland");
        var challenge = new DigestChallenge("parley.test", "n0nce", Optional.of("op"), DigestAlgorithm.SHA_256,
                List.of("auth"), false);
        List<String> callIds = new java.util.concurrent.CopyOnWriteArrayList<>();
        callee.behaviour = call -> {
            callIds.add(call.callId());
            Optional<DigestAuthorization> authorization = call.header("Authorization")
                    .flatMap(DigestAuthorization::parse);
            if (authorization.isPresent() && Digest.verify(authorization.get(), "INVITE", credentials.password())) {
                call.answer(ANSWER);
            } else {
                call.reject(401, "Unauthorized", List.of(new SipHeader("WWW-Authenticate", challenge.write())));
            }
        };
        calling.invite(inviteTo(called, transport).withCredentials(credentials), caller);
        caller.events.expect("answered");
        assertEquals(2, callIds.size());
        assertEquals(callIds.get(0), callIds.get(1));
        caller.events.expectNothing(Duration.ofMillis(50));
        callee.events.awaitEvent("acked");
        callee.calls.poll();
        callee.calls.poll().hangup();
        caller.events.expect("remoteHangup");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aWrongPasswordEndsWithThe401(Transport transport) {
        var challenge = new DigestChallenge("parley.test", "n0nce", Optional.empty(), DigestAlgorithm.MD5,
                List.of("auth"), false);
        callee.behaviour = call -> call.reject(401, "Unauthorized",
                List.of(new SipHeader("WWW-Authenticate", challenge.write())));
        calling.invite(inviteTo(called, transport).withCredentials(new DigestCredentials("a", "b")), caller);
        caller.events.expect("failed 401");
        assertEquals(2, callee.calls.size(), "one retry with credentials, then no loop");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void optionsAndKeepAliveBetweenStacks(Transport transport) throws Exception {
        assertEquals(200, calling.options(SipTestSupport.uriOf(called, "ping"), transport).get(5, TimeUnit.SECONDS));
        var reachable = new java.util.concurrent.LinkedBlockingQueue<Boolean>();
        try (KeepAlive keepAlive = calling.keepAlive(SipTestSupport.uriOf(called, "ping"), transport,
                Duration.ofMillis(50), reachable::add)) {
            assertEquals(Boolean.TRUE, reachable.poll(5, TimeUnit.SECONDS));
            assertTrue(keepAlive.reachable());
        }
    }

    /** Holds the first re-INVITE back for 300 ms on the reader thread (the retries go through at once). */
    private static boolean delayFirstReinvite(byte[] bytes, java.util.concurrent.atomic.AtomicBoolean done) {
        String text = new String(bytes, 0, Math.min(bytes.length, 400), java.nio.charset.StandardCharsets.UTF_8);
        if (text.startsWith("INVITE ") && !text.contains("CSeq: 1 INVITE") && done.compareAndSet(false, true)) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return false;
    }

    private static Throwable catchFailure(CompletableFuture<String> future) {
        try {
            future.get(5, TimeUnit.SECONDS);
            return new AssertionError("succeeded");
        } catch (Exception e) {
            return e;
        }
    }
}
