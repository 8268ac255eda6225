package dev.parley.protocol.dtls;

import static dev.parley.protocol.dtls.DtlsPair.BOTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.dtls.DtlsException.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Hashtable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.Test;

/**
 * Our server against a plain BouncyCastle client that breaks one WebRTC rule at a time: no client
 * certificate, no use_srtp. Our own client can not be made to misbehave like that.
 */
class DtlsServerPolicyTest {

    @Test
    void serverRequiresAClientCertificate() {
        var outcome = run(new PlainClient(true));
        assertEquals(Reason.FINGERPRINT_MISMATCH, outcome.reason());
        assertTrue(outcome.getMessage().contains("no certificate"), outcome.getMessage());
    }

    @Test
    void serverRequiresUseSrtp() {
        var outcome = run(new PlainClient(false));
        assertEquals(Reason.NO_SRTP_PROFILE, outcome.reason());
    }

    private static DtlsException run(PlainClient client) {
        var toClient = new LinkedBlockingQueue<byte[]>();
        var server = new DtlsConnection(DtlsPair.SERVER_CERTIFICATE, DtlsRole.SERVER,
                DtlsPair.sha256(DtlsPair.CLIENT_CERTIFICATE), BOTH, toClient::add);
        CompletableFuture<DtlsResult> result = Wire.async(() -> server.handshake(Duration.ofSeconds(20)));
        var transport = new DatagramTransport() {
            @Override
            public int getReceiveLimit() {
                return 4096;
            }

            @Override
            public int getSendLimit() {
                return 1200;
            }

            @Override
            public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
                try {
                    byte[] datagram = toClient.poll(waitMillis, TimeUnit.MILLISECONDS);
                    if (datagram == null) {
                        return -1;
                    }
                    System.arraycopy(datagram, 0, buf, off, datagram.length);
                    return datagram.length;
                } catch (InterruptedException e) {
                    throw new InterruptedIOException();
                }
            }

            @Override
            public void send(byte[] buf, int off, int len) {
                server.receive(buf, off, len);
            }

            @Override
            public void close() {
            }
        };
        var clientResult = Wire.async(() -> {
            try {
                return new DTLSClientProtocol().connect(client, transport);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        DtlsException failure = DtlsPair.failure(result);
        DtlsPair.failure(clientResult.thenApply(connected -> (DtlsResult) null)
                .exceptionally(e -> { throw new DtlsException(Reason.PROTOCOL_ERROR, "client failed", e); }));
        return failure;
    }

    /** A BouncyCastle DTLS 1.2 client with no certificate, offering use_srtp or not. */
    private static final class PlainClient extends DefaultTlsClient {
        private final boolean offerSrtp;

        PlainClient(boolean offerSrtp) {
            super(new BcTlsCrypto());
            this.offerSrtp = offerSrtp;
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.DTLSv12.only();
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public Hashtable getClientExtensions() throws IOException {
            Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
            if (offerSrtp) {
                TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(new int[] {0x0007}, TlsUtils.EMPTY_BYTES));
            }
            return extensions;
        }

        @Override
        public TlsAuthentication getAuthentication() {
            return new TlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate serverCertificate) {
                }

                @Override
                public TlsCredentials getClientCredentials(CertificateRequest certificateRequest) {
                    return null;
                }
            };
        }
    }
}
