package dev.parley.telephony.sip;

import static dev.parley.telephony.sip.SipTestSupport.closeAndAssertClean;
import static dev.parley.telephony.sip.SipTestSupport.inviteTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Starting, closing, and what closing leaves behind (nothing). */
class SipStackLifecycleTest {

    @Test
    void closingEndsCallsAndKeepAlivesAndReleasesThePort() {
        var callee = new SipTestSupport.Callee();
        var caller = new SipTestSupport.Caller();
        SipStack called = SipTestSupport.stack(callee);
        SipStack calling = SipTestSupport.stack(InboundHandler.REJECT_ALL);
        calling.invite(inviteTo(called, Transport.UDP), caller);
        calling.invite(inviteTo(called, Transport.TCP), caller);
        caller.events.awaitEvent("answered");
        caller.events.awaitEvent("answered");
        calling.keepAlive(SipTestSupport.uriOf(called, "trunk"), Transport.TCP, Duration.ofMillis(20), up -> { });
        SipDebugState busy = calling.debugState();
        assertEquals(2, busy.callsLive());
        assertEquals(2, busy.dialogsLive());
        assertTrue(busy.tcpConnections() >= 1);
        assertTrue(busy.ioThreads() >= 3, busy.toJson());

        int port = calling.port();
        closeAndAssertClean(calling);
        callee.events.awaitEvent("remoteHangup");
        caller.events.expectNothing(Duration.ofMillis(100));
        assertThrows(IllegalStateException.class, () -> calling.invite(inviteTo(called, Transport.UDP), caller));
        calling.close();

        SipStack again = SipStack.start(SipSettings.loopback().withPort(port).withTimers(SipTestSupport.FAST),
                InboundHandler.REJECT_ALL);
        assertEquals(port, again.port());
        closeAndAssertClean(again);
        SipTestSupport.assertQuiet(called);
        closeAndAssertClean(called);
    }

    @Test
    void closingWhileCallsRingAnswers503AndCancels() {
        var callee = new SipTestSupport.Callee();
        callee.behaviour = IncomingCall::ringing;
        var caller = new SipTestSupport.Caller();
        SipStack called = SipTestSupport.stack(callee);
        SipStack calling = SipTestSupport.stack(InboundHandler.REJECT_ALL);
        calling.invite(inviteTo(called, Transport.UDP), caller);
        caller.events.expect("progress 180");
        closeAndAssertClean(called);
        caller.events.expect("failed 503");

        SipStack calledAgain = SipTestSupport.stack(callee);
        calling.invite(inviteTo(calledAgain, Transport.UDP), caller);
        caller.events.expect("progress 180");
        closeAndAssertClean(calling);
        callee.events.awaitEvent("cancelled");
        SipTestSupport.assertQuiet(calledAgain);
        closeAndAssertClean(calledAgain);
    }

    @Test
    void aTakenPortFailsTheStart() {
        SipStack first = SipTestSupport.stack(InboundHandler.REJECT_ALL);
        try {
            assertThrows(UncheckedIOException.class, () -> SipStack.start(
                    SipSettings.loopback().withPort(first.port()), InboundHandler.REJECT_ALL));
        } finally {
            closeAndAssertClean(first);
        }
    }

    @Test
    void theAdvertisedHostIsConfiguredOrTheBindAddress() {
        assertEquals("127.0.0.1", SipStack.advertisedHost(SipSettings.loopback()));
        var configured = new SipSettings(InetAddress.getLoopbackAddress(), 0, Optional.of("sip.example.com"),
                "Parley", SipTimers.DEFAULTS);
        assertEquals("sip.example.com", SipStack.advertisedHost(configured));
        SipStack stack = SipStack.start(configured, InboundHandler.REJECT_ALL);
        try {
            assertEquals("sip.example.com", stack.advertisedHost());
            String json = stack.debugState().toJson();
            assertTrue(json.startsWith("{\"port\":" + stack.port() + ","), json);
        } finally {
            closeAndAssertClean(stack);
        }
    }
}
