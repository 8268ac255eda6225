package dev.parley.protocol.dtls;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A client and a server connection wired back to back through two {@link Wire}s. */
final class DtlsPair implements AutoCloseable {

    static final DtlsCertificate CLIENT_CERTIFICATE = DtlsCertificate.generate();
    static final DtlsCertificate SERVER_CERTIFICATE = DtlsCertificate.generate();
    static final List<DtlsSrtpProfile> BOTH = List.of(DtlsSrtpProfile.AEAD_AES_128_GCM,
            DtlsSrtpProfile.AES_CM_128_HMAC_SHA1_80);
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final Duration RETRANSMIT = Duration.ofMillis(100);

    final Wire toServer = new Wire();
    final Wire toClient = new Wire();
    final DtlsConnection client;
    final DtlsConnection server;
    CompletableFuture<DtlsResult> clientResult;
    CompletableFuture<DtlsResult> serverResult;

    DtlsPair(List<DtlsSrtpProfile> clientProfiles, List<DtlsSrtpProfile> serverProfiles,
            DtlsFingerprint clientExpects, DtlsFingerprint serverExpects) {
        client = new DtlsConnection(CLIENT_CERTIFICATE, DtlsRole.CLIENT, clientExpects, clientProfiles, toServer);
        server = new DtlsConnection(SERVER_CERTIFICATE, DtlsRole.SERVER, serverExpects, serverProfiles, toClient);
        toServer.connect(server);
        toClient.connect(client);
    }

    DtlsPair(List<DtlsSrtpProfile> clientProfiles, List<DtlsSrtpProfile> serverProfiles) {
        this(clientProfiles, serverProfiles, sha256(SERVER_CERTIFICATE), sha256(CLIENT_CERTIFICATE));
    }

    DtlsPair() {
        this(BOTH, BOTH);
    }

    static DtlsFingerprint sha256(DtlsCertificate certificate) {
        return new DtlsFingerprint(certificate.fingerprintAlgorithm(), certificate.fingerprintValue());
    }

    DtlsPair start(Duration retransmit) {
        clientResult = Wire.async(() -> client.handshake(TIMEOUT, retransmit));
        serverResult = Wire.async(() -> server.handshake(TIMEOUT, retransmit));
        return this;
    }

    DtlsPair start() {
        return start(RETRANSMIT);
    }

    /** Starts and waits for both sides to succeed. */
    DtlsPair connect() {
        start();
        clientResult();
        serverResult();
        return this;
    }

    DtlsResult clientResult() {
        return await(clientResult);
    }

    DtlsResult serverResult() {
        return await(serverResult);
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the handshake failed", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the handshake did not end", e);
        }
    }

    /** The DtlsException a handshake future failed with. */
    static DtlsException failure(CompletableFuture<?> future) {
        try {
            Object result = future.get(30, TimeUnit.SECONDS);
            return fail("expected the handshake to fail but it gave " + result);
        } catch (ExecutionException e) {
            return assertInstanceOf(DtlsException.class, e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the handshake did not end", e);
        }
    }

    @Override
    public void close() {
        client.close();
        server.close();
        toServer.close();
        toClient.close();
    }
}
