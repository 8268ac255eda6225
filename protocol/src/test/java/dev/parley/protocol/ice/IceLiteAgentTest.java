package dev.parley.protocol.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.Malformed;
import dev.parley.protocol.ice.IceLiteAgent.Event;
import dev.parley.protocol.ice.IceLiteAgent.Result;
import dev.parley.protocol.ice.IceLiteAgent.State;
import dev.parley.protocol.stun.StunAttribute;
import dev.parley.protocol.stun.StunAttribute.UnknownAttributes;
import dev.parley.protocol.stun.StunClass;
import dev.parley.protocol.stun.StunMessage;
import dev.parley.protocol.stun.TransactionId;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two-sided scenarios: {@link FullPeer} plays the controlling browser, time is driven by hand. */
class IceLiteAgentTest {

    private static final long SECOND = 1_000_000_000L;
    /** Close to overflow, so a clock that wraps is exercised in every test. */
    private static final long T0 = Long.MAX_VALUE - 45 * SECOND;
    private static final InetSocketAddress A = new InetSocketAddress("198.51.100.7", 50000);
    private static final InetSocketAddress B = new InetSocketAddress("2001:db8::42", 61000);

    private final SplittableRandom random = new SplittableRandom(1);
    private IceCredentials liteCredentials;
    private IceCredentials peerCredentials;
    private IceLiteAgent agent;
    private FullPeer peer;

    @BeforeEach
    void setUp() {
        liteCredentials = IceCredentials.random(random);
        peerCredentials = IceCredentials.random(random);
        agent = new IceLiteAgent(liteCredentials, Optional.of(peerCredentials), IceLiteAgent.DEFAULT_CONSENT_TIMEOUT);
        peer = new FullPeer(peerCredentials, liteCredentials);
    }

    private Result send(byte[] check, InetSocketAddress from, long now) {
        return agent.handleBindingRequest(check, 0, check.length, from, now);
    }

    /** Sends a check that must succeed; returns its event. */
    private Event succeed(byte[] check, InetSocketAddress from, long now) {
        var result = send(check, from, now);
        var answer = peer.authenticatedAnswer(result.response().orElseThrow());
        assertEquals(StunClass.SUCCESS_RESPONSE, answer.messageClass());
        assertEquals(from, answer.xorMappedAddress().orElseThrow());
        return result.event();
    }

    private int errorCode(Result result) {
        assertEquals(Event.NONE, result.event());
        var answer = peer.answer(result.response().orElseThrow());
        assertEquals(StunClass.ERROR_RESPONSE, answer.messageClass());
        return answer.errorCode().orElseThrow().code();
    }

    @Test
    void aNominationSelectsTheAddress() {
        assertEquals(State.NEW, agent.state());
        assertEquals(Event.NONE, succeed(peer.check(), A, T0));
        assertEquals(State.NEW, agent.state());
        assertEquals(Optional.empty(), agent.selectedAddress());

        assertEquals(new Event.Selected(A), succeed(peer.nominate(), A, T0 + SECOND));
        assertEquals(State.CONNECTED, agent.state());
        assertEquals(Optional.of(A), agent.selectedAddress());
        assertEquals(Event.NONE, succeed(peer.nominate(), A, T0 + 2 * SECOND));
        assertEquals(Event.NONE, succeed(peer.check(), A, T0 + 3 * SECOND));
        assertFalse(agent.consentExpired(T0 + 3 * SECOND));
        assertEquals(4, agent.stats().successes());
    }

    @Test
    void aWrongPasswordGets401AndChangesNothing() {
        succeed(peer.nominate(), A, T0);
        byte[] forged = peer.build(liteCredentials.ufrag() + ":" + peerCredentials.ufrag(), true,
                IceCredentials.random(random).key(), b -> b.add(new StunAttribute.UseCandidate()), true);

        var result = send(forged, B, T0 + 29 * SECOND);
        assertEquals(401, errorCode(result));
        assertFalse(peer.answer(result.response().orElseThrow()).hasMessageIntegrity());
        assertEquals(Optional.of(A), agent.selectedAddress());
        assertEquals(State.CONNECTED, agent.state());
        // Not even consent for A was refreshed by it, though it came in time.
        forged = peer.build(liteCredentials.ufrag() + ":" + peerCredentials.ufrag(), true,
                IceCredentials.random(random).key(), b -> b, true);
        assertEquals(401, errorCode(send(forged, A, T0 + 29 * SECOND)));
        assertTrue(agent.consentExpired(T0 + 30 * SECOND));
        assertEquals(2, agent.stats().unauthenticated());
    }

    @Test
    void aWrongUsernameGets401() {
        byte[] key = liteCredentials.key();
        String ours = liteCredentials.ufrag();
        for (String username : List.of("wxyz:" + peerCredentials.ufrag(), ours + ":wxyz", ours, ours + ":",
                peerCredentials.ufrag() + ":" + ours, ours + ":" + peerCredentials.ufrag() + "x")) {
            byte[] check = peer.build(username, true, key, b -> b.add(new StunAttribute.UseCandidate()), true);
            assertEquals(401, errorCode(send(check, A, T0)), username);
        }
        assertEquals(State.NEW, agent.state());
    }

    @Test
    void untilTheRemoteUfragIsKnownAnyNonEmptyOneIsAccepted() {
        agent = new IceLiteAgent(liteCredentials);
        assertEquals(new Event.Selected(A), succeed(peer.nominate(), A, T0));
        byte[] empty = peer.build(liteCredentials.ufrag() + ":", true, liteCredentials.key(), b -> b, true);
        assertEquals(401, errorCode(send(empty, A, T0)));

        agent.setRemote(IceCredentials.random(random));
        assertEquals(401, errorCode(send(peer.check(), A, T0)));
        agent.setRemote(peerCredentials);
        assertEquals(Event.NONE, succeed(peer.check(), A, T0));
    }

    @Test
    void aNominationFromAnotherAddressSwitchesToIt() {
        succeed(peer.nominate(), A, T0);
        // A check without USE-CANDIDATE from elsewhere is answered but moves nothing.
        assertEquals(Event.NONE, succeed(peer.check(), B, T0 + SECOND));
        assertEquals(Optional.of(A), agent.selectedAddress());

        assertEquals(new Event.Switched(A, B), succeed(peer.nominate(), B, T0 + 2 * SECOND));
        assertEquals(Optional.of(B), agent.selectedAddress());
        assertEquals(State.CONNECTED, agent.state());
        assertEquals(new Event.Switched(B, A), succeed(peer.nominate(), A, T0 + 3 * SECOND));
    }

    @Test
    void consentLapses30SecondsAfterTheLastValidCheck() {
        succeed(peer.nominate(), A, T0);
        long last = T0;
        // A browser checks every few seconds; consent holds while it does.
        for (long t = T0; t <= T0 + 40 * SECOND; t += 2_500_000_000L) {
            succeed(peer.check(), A, t);
            assertFalse(agent.consentExpired(t));
            last = t;
        }
        // Checks from another address do not count for the selected one.
        succeed(peer.check(), B, last + 20 * SECOND);
        assertFalse(agent.consentExpired(last + 30 * SECOND - 1));
        assertEquals(State.CONNECTED, agent.state());
        assertTrue(agent.consentExpired(last + 30 * SECOND));
        assertEquals(State.DISCONNECTED, agent.state());
        assertTrue(agent.consentExpired(last + 31 * SECOND));
        assertEquals(Optional.of(A), agent.selectedAddress());
    }

    @Test
    void aCheckJustBeforeTheDeadlineRefreshesConsent() {
        succeed(peer.nominate(), A, T0);
        succeed(peer.check(), A, T0 + 29 * SECOND);
        assertFalse(agent.consentExpired(T0 + 30 * SECOND));
        assertFalse(agent.consentExpired(T0 + 58 * SECOND));
        assertTrue(agent.consentExpired(T0 + 59 * SECOND));
    }

    @Test
    void afterConsentExpiredOnlyANominationReconnects() {
        succeed(peer.nominate(), A, T0);
        assertTrue(agent.consentExpired(T0 + 30 * SECOND));
        assertEquals(Event.NONE, succeed(peer.check(), A, T0 + 31 * SECOND));
        assertTrue(agent.consentExpired(T0 + 31 * SECOND));
        assertEquals(new Event.Selected(A), succeed(peer.nominate(), A, T0 + 32 * SECOND));
        assertEquals(State.CONNECTED, agent.state());
        assertFalse(agent.consentExpired(T0 + 32 * SECOND));
    }

    @Test
    void theConsentTimeoutIsConfigurable() {
        agent = new IceLiteAgent(liteCredentials, Optional.of(peerCredentials), Duration.ofSeconds(5));
        succeed(peer.nominate(), A, T0);
        assertFalse(agent.consentExpired(T0 + 5 * SECOND - 1));
        assertTrue(agent.consentExpired(T0 + 5 * SECOND));
    }

    @Test
    void aPeerThatAlsoClaimsControlledGets487() {
        byte[] check = peer.build(liteCredentials.ufrag() + ":" + peerCredentials.ufrag(), false,
                liteCredentials.key(), b -> b.add(new StunAttribute.UseCandidate()), true);
        var result = send(check, A, T0);
        assertEquals(487, errorCode(result));
        peer.authenticatedAnswer(result.response().orElseThrow());
        assertEquals(State.NEW, agent.state());
        assertEquals(1, agent.stats().roleConflicts());
    }

    @Test
    void theRfc5769SampleRequestIsARoleConflict() {
        // RFC 5769 §2.1 is a check from a controlled agent to "evtj" with password
        // VOkJxbRl1RmTxUk/WvJxBt; a lite agent with those credentials must answer 487.
        var local = new IceCredentials("evtj", "VOkJxbRl1RmTxUk/WvJxBt");
        agent = new IceLiteAgent(local, Optional.of(new IceCredentials("h6vY", peerCredentials.password())),
                IceLiteAgent.DEFAULT_CONSENT_TIMEOUT);
        byte[] request = HexFormat.of().parseHex(("""
                000100582112a442b7e7a701bc34d686fa87dfae
                802200105354554e207465737420636c69656e74
                002400046e0001ff
                80290008932ff9b151263b36
                000600096576746a3a68367659202020
                000800149aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2
                80280004e57a3bcf""").replaceAll("\\s+", ""));
        var result = agent.handleBindingRequest(request, 0, request.length, A, T0);
        byte[] response = result.response().orElseThrow();
        var answer = StunMessage.parse(response).orElseThrow();
        assertEquals(487, answer.errorCode().orElseThrow().code());
        assertEquals(TransactionId.of(HexFormat.of().parseHex("b7e7a701bc34d686fa87dfae")), answer.transactionId());
        assertTrue(StunMessage.verifyIntegrity(response, 0, response.length, local.key()));
    }

    @Test
    void iceRestartRejectsTheOldCredentialsAndKeepsTheSelection() {
        succeed(peer.nominate(), A, T0);
        var newLite = IceCredentials.random(random);
        var newPeer = IceCredentials.random(random);
        agent.restart(newLite.ufrag(), newLite.password(), newPeer.ufrag(), newPeer.password());

        assertEquals(401, errorCode(send(peer.nominate(), A, T0 + SECOND)));
        assertEquals(State.CONNECTED, agent.state());
        assertEquals(Optional.of(A), agent.selectedAddress());

        peer.own = newPeer;
        peer.lite = newLite;
        assertEquals(Event.NONE, succeed(peer.nominate(), A, T0 + 20 * SECOND));
        assertFalse(agent.consentExpired(T0 + 45 * SECOND));
        assertEquals(new Event.Switched(A, B), succeed(peer.nominate(), B, T0 + 46 * SECOND));
        assertEquals(newLite, agent.localCredentials());
        assertEquals(Optional.of(newPeer), agent.remoteCredentials());
    }

    @Test
    void aRestartWeOfferAcceptsTheNewLocalUfragBeforeThePeersAnswer() {
        succeed(peer.nominate(), A, T0);
        var newLite = IceCredentials.random(random);
        agent.restartLocal(newLite);
        assertEquals(401, errorCode(send(peer.nominate(), A, T0 + SECOND)), "the old credentials are gone");

        var newPeer = IceCredentials.random(random);
        peer.own = newPeer;
        peer.lite = newLite;
        assertEquals(new Event.Switched(A, B), succeed(peer.nominate(), B, T0 + 2 * SECOND), "checks before the answer");
        agent.setRemote(newPeer);
        assertEquals(Event.NONE, succeed(peer.nominate(), B, T0 + 3 * SECOND));
        peer.own = IceCredentials.random(random);
        assertEquals(401, errorCode(send(peer.nominate(), B, T0 + 4 * SECOND)), "once answered, its ufrag is checked");
    }

    @Test
    void checksWithoutCredentialsGet400() {
        byte[] noIntegrity = peer.build(liteCredentials.ufrag() + ":" + peerCredentials.ufrag(), true,
                new byte[0], b -> b.add(new StunAttribute.UseCandidate()), true);
        var result = send(noIntegrity, A, T0);
        assertEquals(400, errorCode(result));
        assertFalse(peer.answer(result.response().orElseThrow()).hasMessageIntegrity());

        peer.lastId = TransactionId.random(random);
        byte[] noUsername = StunMessage.builder(StunMessage.BINDING, StunClass.REQUEST, peer.lastId)
                .add(new StunAttribute.UseCandidate()).integrity(liteCredentials.key()).fingerprint().encode();
        assertEquals(400, errorCode(send(noUsername, A, T0)));

        peer.lastId = TransactionId.random(random);
        byte[] otherMethod = StunMessage.builder(0x003, StunClass.REQUEST, peer.lastId).fingerprint().encode();
        var answer = StunMessage.parse(send(otherMethod, A, T0).response().orElseThrow()).orElseThrow();
        assertEquals(0x003, answer.method());
        assertEquals(400, answer.errorCode().orElseThrow().code());
        assertEquals(State.NEW, agent.state());
        assertEquals(3, agent.stats().badRequests());
    }

    @Test
    void unknownComprehensionRequiredAttributesGet420() {
        byte[] check = peer.check(b -> b.add(new StunAttribute.UseCandidate())
                .add(new StunAttribute.Raw(0x0042, new byte[] {1, 2}))
                .add(new StunAttribute.Raw(0xC057, new byte[4])));
        var result = send(check, A, T0);
        assertEquals(420, errorCode(result));
        var answer = peer.authenticatedAnswer(result.response().orElseThrow());
        assertEquals(List.of(0x0042), answer.first(UnknownAttributes.class).orElseThrow().types());
        assertEquals(State.NEW, agent.state());
    }

    @Test
    void aCheckWithoutFingerprintIsAcceptedButABrokenFingerprintIsDropped() {
        byte[] noFingerprint = peer.build(liteCredentials.ufrag() + ":" + peerCredentials.ufrag(), true,
                liteCredentials.key(), b -> b.add(new StunAttribute.UseCandidate()), false);
        assertEquals(new Event.Selected(A), succeed(noFingerprint, A, T0));

        byte[] broken = peer.nominate();
        broken[broken.length - 1] ^= 1;
        long before = Malformed.total(Malformed.Kind.STUN);
        assertEquals(Optional.empty(), send(broken, B, T0).response());
        assertEquals(before + 1, Malformed.total(Malformed.Kind.STUN));
        assertEquals(Optional.of(A), agent.selectedAddress());
    }

    @Test
    void garbageIndicationsAndResponsesGetNoAnswer() {
        byte[] rtp = new byte[] {(byte) 0x80, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        long before = Malformed.total(Malformed.Kind.STUN);
        assertEquals(Event.NONE, send(rtp, A, T0).event());
        assertEquals(Optional.empty(), send(rtp, A, T0).response());
        assertEquals(before + 2, Malformed.total(Malformed.Kind.STUN));

        byte[] keepalive = StunMessage.builder(StunMessage.BINDING, StunClass.INDICATION,
                TransactionId.random(random)).fingerprint().encode();
        assertEquals(Optional.empty(), send(keepalive, A, T0).response());
        byte[] response = StunMessage.builder(StunMessage.BINDING, StunClass.SUCCESS_RESPONSE,
                TransactionId.random(random)).fingerprint().encode();
        assertEquals(Optional.empty(), send(response, A, T0).response());
        assertEquals(State.NEW, agent.state());
        assertEquals(2, agent.stats().dropped());
        assertEquals(2, agent.stats().ignored());
        assertEquals(0, agent.stats().requests());
    }

    @Test
    void theAnswerIsReadInPlaceFromALargerBuffer() {
        byte[] check = peer.nominate();
        byte[] datagram = new byte[check.length + 100];
        System.arraycopy(check, 0, datagram, 50, check.length);
        var result = agent.handleBindingRequest(datagram, 50, check.length, A, T0);
        assertEquals(new Event.Selected(A), result.event());
        peer.authenticatedAnswer(result.response().orElseThrow());
    }
}
