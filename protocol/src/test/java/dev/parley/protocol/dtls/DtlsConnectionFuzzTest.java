package dev.parley.protocol.dtls;

import static dev.parley.protocol.dtls.DtlsPair.BOTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.Malformed;
import dev.parley.protocol.fuzz.Fuzzer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Garbage into {@link DtlsConnection#receive}: mutations of a real handshake's datagrams, fed to
 * a connection that has not started, one whose handshake is running, and an established one.
 * {@code receive} must never throw, and garbage must not tear down an established connection.
 */
class DtlsConnectionFuzzTest {

    private static List<byte[]> fromClient;
    private static List<byte[]> fromServer;

    @BeforeAll
    static void recordAHandshake() {
        try (var pair = new DtlsPair().connect()) {
            fromClient = pair.toServer.captured();
            fromServer = pair.toClient.captured();
        }
    }

    private static List<byte[]> seeds() {
        var seeds = new ArrayList<byte[]>(fromClient);
        seeds.addAll(fromServer);
        return seeds;
    }

    @Test
    void garbageBeforeTheHandshakeStarts() {
        var server = new DtlsConnection(DtlsPair.SERVER_CERTIFICATE, DtlsRole.SERVER,
                DtlsPair.sha256(DtlsPair.CLIENT_CERTIFICATE), BOTH, datagram -> { });
        long before = Malformed.total(Malformed.Kind.DTLS);
        Fuzzer.run("DtlsConnection.receive before the handshake", seeds(),
                input -> server.receive(input, 0, input.length));
        assertTrue(Malformed.total(Malformed.Kind.DTLS) > before, "garbage is counted");
        assertEquals(DtlsConnection.State.NEW, server.state());
        server.close();
    }

    @Test
    void garbageWhileHandshakesRun() {
        var running = new ArrayList<DtlsConnection>();
        var results = new ArrayList<CompletableFuture<DtlsResult>>();
        DtlsConnection[] current = {null};
        Fuzzer.run("DtlsConnection.receive during the handshake", seeds(), input -> {
            // a handshake that garbage broke is replaced, so the fuzzer keeps hitting live ones
            if (current[0] == null || current[0].isClosed()) {
                DtlsRole role = running.size() % 2 == 0 ? DtlsRole.SERVER : DtlsRole.CLIENT;
                var connection = new DtlsConnection(DtlsPair.SERVER_CERTIFICATE, role,
                        DtlsPair.sha256(DtlsPair.CLIENT_CERTIFICATE), BOTH, datagram -> { });
                results.add(Wire.async(() -> connection.handshake(Duration.ofSeconds(30), Duration.ofMillis(20))));
                running.add(connection);
                current[0] = connection;
            }
            current[0].receive(input, 0, input.length);
        });
        running.forEach(DtlsConnection::close);
        for (var result : results) {
            // every handshake ends, and only ever with our own exception
            DtlsPair.failure(result);
        }
    }

    @Test
    void garbageDoesNotBreakAnEstablishedConnection() {
        try (var pair = new DtlsPair().connect()) {
            Fuzzer.run("DtlsConnection.receive when connected", seeds(), input -> {
                pair.server.receive(input, 0, input.length);
                pair.client.receive(input, 0, input.length);
            });
            assertEquals(DtlsConnection.State.CONNECTED, pair.server.state(), pair.server.debugState());
            assertEquals(DtlsConnection.State.CONNECTED, pair.client.state(), pair.client.debugState());
        }
    }

    @Test
    void oversizedDatagramsAreRefused() {
        var server = new DtlsConnection(DtlsPair.SERVER_CERTIFICATE, DtlsRole.SERVER,
                DtlsPair.sha256(DtlsPair.CLIENT_CERTIFICATE), BOTH, datagram -> { });
        long before = Malformed.total(Malformed.Kind.DTLS);
        byte[] big = new byte[QueueTransport.RECEIVE_LIMIT + 1];
        big[0] = 22;
        server.receive(big, 0, big.length);
        assertEquals(before + 1, Malformed.total(Malformed.Kind.DTLS));
        assertTrue(server.debugState().contains("\"malformed\":1"), server.debugState());
    }
}
