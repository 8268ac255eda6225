package dev.parley.protocol.dtls;

import static dev.parley.protocol.dtls.DtlsPair.BOTH;
import static dev.parley.protocol.dtls.DtlsPair.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.dtls.DtlsException.Reason;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.tls.CipherSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Two DtlsConnections back to back: keys, identity, SRTP negotiation, loss and closing. */
class DtlsConnectionTest {

    private static final DtlsSrtpProfile GCM = DtlsSrtpProfile.AEAD_AES_128_GCM;
    private static final DtlsSrtpProfile CM = DtlsSrtpProfile.AES_CM_128_HMAC_SHA1_80;

    static Stream<Arguments> profileChoices() {
        return Stream.of(
                Arguments.of(List.of(GCM, CM), List.of(GCM, CM), GCM),
                Arguments.of(List.of(CM, GCM), List.of(CM, GCM), CM),
                // the server's preference decides when both offer both
                Arguments.of(List.of(CM, GCM), List.of(GCM, CM), GCM),
                Arguments.of(List.of(GCM, CM), List.of(CM, GCM), CM),
                Arguments.of(List.of(CM), List.of(GCM, CM), CM),
                Arguments.of(List.of(GCM, CM), List.of(GCM), GCM));
    }

    @ParameterizedTest
    @MethodSource("profileChoices")
    void bothSidesDeriveTheSameSrtpKeys(List<DtlsSrtpProfile> clientProfiles, List<DtlsSrtpProfile> serverProfiles,
            DtlsSrtpProfile expected) {
        try (var pair = new DtlsPair(clientProfiles, serverProfiles).connect()) {
            DtlsResult client = pair.clientResult();
            DtlsResult server = pair.serverResult();
            assertKeysMatch(client, server, expected);
            assertEquals(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, client.cipherSuite());
            assertEquals(DtlsConnection.State.CONNECTED, pair.client.state());
            assertEquals(DtlsConnection.State.CONNECTED, pair.server.state());
        }
    }

    static void assertKeysMatch(DtlsResult client, DtlsResult server, DtlsSrtpProfile expected) {
        assertEquals(expected, client.profile());
        assertEquals(expected, server.profile());
        assertEquals(expected.id(), client.profileId());
        assertEquals(DtlsRole.CLIENT, client.role());
        assertEquals(DtlsRole.SERVER, server.role());
        // what one side protects with, the other unprotects with
        assertArrayEquals(client.localKey(), server.remoteKey());
        assertArrayEquals(client.localSalt(), server.remoteSalt());
        assertArrayEquals(server.localKey(), client.remoteKey());
        assertArrayEquals(server.localSalt(), client.remoteSalt());
        // RFC 5764 §4.2 names: the client writes with the client keys
        assertArrayEquals(client.clientWriteKey(), client.localKey());
        assertArrayEquals(client.clientWriteSalt(), client.localSalt());
        assertArrayEquals(server.serverWriteKey(), server.localKey());
        assertArrayEquals(server.serverWriteSalt(), server.localSalt());
        assertEquals(expected.keyLength(), client.localKey().length);
        assertEquals(expected.saltLength(), client.localSalt().length);
        assertEquals(expected.keyLength(), server.localKey().length);
        assertEquals(expected.saltLength(), server.remoteSalt().length);
        assertFalse(Arrays.equals(client.localKey(), client.remoteKey()), "the two directions use different keys");
    }

    @Test
    void twoHandshakesGiveDifferentKeys() {
        try (var first = new DtlsPair().connect(); var second = new DtlsPair().connect()) {
            assertFalse(Arrays.equals(first.clientResult().localKey(), second.clientResult().localKey()));
        }
    }

    @Test
    void otherFingerprintHashesWork() {
        var clientExpects = DtlsPair.SERVER_CERTIFICATE.fingerprint("sha-512");
        var serverExpects = DtlsPair.CLIENT_CERTIFICATE.fingerprint("sha-1");
        try (var pair = new DtlsPair(BOTH, BOTH, clientExpects, serverExpects).connect()) {
            assertKeysMatch(pair.clientResult(), pair.serverResult(), GCM);
        }
    }

    @Test
    void clientRefusesAServerWithTheWrongFingerprint() {
        var wrong = DtlsPair.sha256(DtlsCertificate.generate());
        try (var pair = new DtlsPair(BOTH, BOTH, wrong, DtlsPair.sha256(DtlsPair.CLIENT_CERTIFICATE)).start()) {
            DtlsException client = failure(pair.clientResult);
            assertEquals(Reason.FINGERPRINT_MISMATCH, client.reason());
            assertTrue(client.getMessage().contains(DtlsPair.SERVER_CERTIFICATE.fingerprintValue()), client.getMessage());
            DtlsException server = failure(pair.serverResult);
            assertEquals(Reason.PROTOCOL_ERROR, server.reason());
            assertTrue(server.getMessage().contains("bad_certificate"), server.getMessage());
            assertTrue(pair.client.isClosed());
            assertTrue(pair.server.isClosed());
        }
    }

    @Test
    void serverRefusesAClientWithTheWrongFingerprint() {
        var wrong = DtlsPair.sha256(DtlsCertificate.generate());
        try (var pair = new DtlsPair(BOTH, BOTH, DtlsPair.sha256(DtlsPair.SERVER_CERTIFICATE), wrong).start()) {
            assertEquals(Reason.FINGERPRINT_MISMATCH, failure(pair.serverResult).reason());
            DtlsException client = failure(pair.clientResult);
            assertEquals(Reason.PROTOCOL_ERROR, client.reason());
            assertTrue(client.getMessage().contains("bad_certificate"), client.getMessage());
        }
    }

    @Test
    void noCommonSrtpProfileFails() {
        try (var pair = new DtlsPair(List.of(CM), List.of(GCM)).start()) {
            DtlsException server = failure(pair.serverResult);
            assertEquals(Reason.NO_SRTP_PROFILE, server.reason());
            assertTrue(server.getMessage().contains("AES_CM_128_HMAC_SHA1_80"), server.getMessage());
            assertEquals(Reason.PROTOCOL_ERROR, failure(pair.clientResult).reason());
        }
    }

    @Test
    void lostFirstFlightsAreRetransmitted() {
        try (var pair = new DtlsPair()) {
            pair.toServer.fault(Wire.dropFirst(2)); // the ClientHello and its first retransmission
            pair.toClient.fault(Wire.dropFirst(3)); // the start of the server's flight
            pair.start(Duration.ofMillis(50));
            assertKeysMatch(pair.clientResult(), pair.serverResult(), GCM);
            assertTrue(pair.toServer.sent() > 2);
        }
    }

    @Test
    void lostClientFinalFlightIsRetransmitted() {
        try (var pair = new DtlsPair()) {
            // drop the first datagram that carries the client's Certificate (flight 5)
            pair.toServer.fault(dropFirstWhere(DtlsConnectionTest::carriesCertificate));
            pair.start(Duration.ofMillis(50));
            assertKeysMatch(pair.clientResult(), pair.serverResult(), GCM);
        }
    }

    @Test
    void lostServerFinishedIsResentAfterTheServerConnected() {
        try (var pair = new DtlsPair()) {
            // the server's last flight is ChangeCipherSpec + Finished; without it the client
            // retransmits its flight and the already connected server must answer it
            pair.toClient.fault(dropAllWhere(DtlsConnectionTest::isChangeCipherSpecOrEncrypted, 2));
            pair.start(Duration.ofMillis(50));
            assertKeysMatch(pair.clientResult(), pair.serverResult(), GCM);
        }
    }

    @Test
    void duplicatedDatagramsAreHarmless() {
        try (var pair = new DtlsPair()) {
            pair.toServer.fault(Wire.DUPLICATE);
            pair.toClient.fault(Wire.DUPLICATE);
            pair.start();
            assertKeysMatch(pair.clientResult(), pair.serverResult(), GCM);
        }
    }

    @Test
    void reorderedDatagramsStillComplete() {
        try (var pair = new DtlsPair()) {
            pair.toServer.reorder();
            pair.toClient.reorder();
            pair.start(Duration.ofMillis(50));
            assertKeysMatch(pair.clientResult(), pair.serverResult(), GCM);
        }
    }

    @Test
    void randomLossDuplicationAndReorderingStillComplete() {
        for (long seed = 1; seed <= 3; seed++) {
            var random = new java.util.Random(seed);
            Wire.Fault chaos = (index, datagram) -> {
                int dice = random.nextInt(10);
                return dice < 2 ? List.of() : dice < 3 ? List.of(datagram, datagram.clone()) : List.of(datagram);
            };
            try (var pair = new DtlsPair()) {
                pair.toServer.fault(chaos).reorder();
                pair.toClient.fault(chaos).reorder();
                pair.start(Duration.ofMillis(50));
                assertKeysMatch(pair.clientResult(), pair.serverResult(), GCM);
            }
        }
    }

    @Test
    void closeUnblocksAHandshakeWaitingForTheServer() throws InterruptedException {
        var blackHole = new Wire();
        var client = new DtlsConnection(DtlsPair.CLIENT_CERTIFICATE, DtlsRole.CLIENT,
                DtlsPair.sha256(DtlsPair.SERVER_CERTIFICATE), BOTH, blackHole);
        var result = Wire.async(() -> client.handshake(Duration.ofSeconds(30)));
        waitUntil(() -> blackHole.sent() > 0);
        long start = System.nanoTime();
        client.close();
        DtlsException failure = failure(result);
        assertEquals(Reason.CLOSED, failure.reason());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        assertTrue(client.isClosed());
        assertFalse(client.closedByPeer());
        client.close(); // idempotent
        blackHole.close();
    }

    @Test
    void closeUnblocksAServerWaitingForTheClientHello() throws InterruptedException {
        var server = new DtlsConnection(DtlsPair.SERVER_CERTIFICATE, DtlsRole.SERVER,
                DtlsPair.sha256(DtlsPair.CLIENT_CERTIFICATE), BOTH, datagram -> { });
        var result = Wire.async(() -> server.handshake(Duration.ofSeconds(30)));
        waitUntil(() -> server.state() == DtlsConnection.State.HANDSHAKING);
        Thread.sleep(50);
        server.close();
        assertEquals(Reason.CLOSED, failure(result).reason());
    }

    @Test
    void handshakeAfterCloseFailsAndASecondHandshakeIsRefused() {
        var closed = new DtlsConnection(DtlsPair.SERVER_CERTIFICATE, DtlsRole.SERVER,
                DtlsPair.sha256(DtlsPair.CLIENT_CERTIFICATE), BOTH, datagram -> { });
        closed.close();
        assertEquals(Reason.CLOSED, assertThrows(DtlsException.class,
                () -> closed.handshake(Duration.ofSeconds(1))).reason());

        try (var pair = new DtlsPair().connect()) {
            assertThrows(IllegalStateException.class, () -> pair.client.handshake(Duration.ofSeconds(1)));
        }
    }

    @Test
    void anUnansweredHandshakeTimesOut() {
        var client = new DtlsConnection(DtlsPair.CLIENT_CERTIFICATE, DtlsRole.CLIENT,
                DtlsPair.sha256(DtlsPair.SERVER_CERTIFICATE), BOTH, datagram -> { });
        long start = System.nanoTime();
        var failure = assertThrows(DtlsException.class,
                () -> client.handshake(Duration.ofMillis(300), Duration.ofMillis(50)));
        assertEquals(Reason.TIMEOUT, failure.reason());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        assertTrue(client.isClosed());
    }

    @Test
    void interruptingTheHandshakeThreadClosesTheConnection() throws InterruptedException {
        var client = new DtlsConnection(DtlsPair.CLIENT_CERTIFICATE, DtlsRole.CLIENT,
                DtlsPair.sha256(DtlsPair.SERVER_CERTIFICATE), BOTH, datagram -> { });
        var result = new java.util.concurrent.CompletableFuture<DtlsException>();
        Thread thread = Thread.ofVirtual().start(() -> {
            try {
                client.handshake(Duration.ofSeconds(30));
            } catch (DtlsException e) {
                result.complete(e);
            }
        });
        waitUntil(() -> client.state() == DtlsConnection.State.HANDSHAKING);
        thread.interrupt();
        assertEquals(Reason.CLOSED, DtlsPair.await(result).reason());
        assertTrue(client.isClosed());
    }

    @Test
    void closeSendsCloseNotifyAndThePeerNotices() throws InterruptedException {
        try (var pair = new DtlsPair().connect()) {
            var serverClosed = new CountDownLatch(1);
            pair.server.onClose(serverClosed::countDown);
            var clientClosed = new CountDownLatch(1);
            pair.client.onClose(clientClosed::countDown);

            pair.client.close();

            assertTrue(clientClosed.await(1, TimeUnit.SECONDS));
            assertTrue(serverClosed.await(5, TimeUnit.SECONDS), "the server noticed the close_notify");
            assertTrue(pair.server.isClosed());
            assertTrue(pair.server.closedByPeer());
            assertFalse(pair.client.closedByPeer());
            pair.client.close();
            var late = new CountDownLatch(1);
            pair.server.onClose(late::countDown);
            assertEquals(1, late.getCount(), "the close listener runs once");
        }
    }

    @Test
    void onCloseRegisteredAfterTheCloseRunsAtOnce() {
        var connection = new DtlsConnection(DtlsPair.CLIENT_CERTIFICATE, DtlsRole.CLIENT,
                DtlsPair.sha256(DtlsPair.SERVER_CERTIFICATE), BOTH, datagram -> { });
        connection.close();
        var ran = new boolean[1];
        connection.onClose(() -> ran[0] = true);
        assertTrue(ran[0]);
    }

    @Test
    void datagramsBeforeTheHandshakeStartsAreKept() {
        try (var pair = new DtlsPair()) {
            // the client starts first; the server only later, as when its thread is slow to start
            pair.clientResult = Wire.async(() -> pair.client.handshake(DtlsPair.TIMEOUT, Duration.ofSeconds(10)));
            waitUntil(() -> pair.toServer.sent() > 0);
            sleep(100);
            pair.serverResult = Wire.async(() -> pair.server.handshake(DtlsPair.TIMEOUT, Duration.ofSeconds(10)));
            long start = System.nanoTime();
            assertKeysMatch(pair.clientResult(), pair.serverResult(), GCM);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(9), "no retransmission was needed");
        }
    }

    @Test
    void debugStateCountsDatagrams() {
        try (var pair = new DtlsPair().connect()) {
            pair.server.receive(new byte[] {1, 2, 3}, 0, 3);
            String state = pair.server.debugState();
            assertTrue(state.contains("\"state\":\"CONNECTED\""), state);
            assertTrue(state.contains("\"malformed\":1"), state);
            assertNotEquals(-1, state.indexOf("\"role\":\"SERVER\""));
        }
    }

    static boolean carriesCertificate(byte[] datagram) {
        // one record per datagram from BouncyCastle: header 13 bytes, then the handshake header
        return datagram.length > 13 && datagram[0] == 22 && datagram[3] == 0 && datagram[4] == 0 && datagram[13] == 11;
    }

    static boolean isChangeCipherSpecOrEncrypted(byte[] datagram) {
        return datagram[0] == 20 || (datagram[3] != 0 || datagram[4] != 0);
    }

    static Wire.Fault dropFirstWhere(java.util.function.Predicate<byte[]> which) {
        return dropAllWhere(which, 1);
    }

    /** Drops the first {@code count} datagrams that match. */
    static Wire.Fault dropAllWhere(java.util.function.Predicate<byte[]> which, int count) {
        var dropped = new java.util.concurrent.atomic.AtomicInteger();
        return (index, datagram) -> which.test(datagram) && dropped.getAndIncrement() < count
                ? List.of() : List.of(datagram);
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 10 s");
            }
            sleep(5);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
