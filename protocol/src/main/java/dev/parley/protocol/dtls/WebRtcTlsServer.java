package dev.parley.protocol.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/**
 * The DTLS server ({@code a=setup:passive}): DTLS 1.2 only, ECDHE_ECDSA suites (our certificate
 * is ECDSA), our SRTP profile preference, the extended master secret required, and a client
 * certificate required and checked against the SDP fingerprint (every WebRTC peer sends one).
 * No HelloVerifyRequest cookie: ICE connectivity checks already proved the peer's address.
 */
final class WebRtcTlsServer extends DefaultTlsServer {

    static final int[] CIPHER_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
    };

    private final HandshakePolicy policy;
    private final WebRtcCrypto crypto;
    private final HandshakeTiming timing;
    private UseSRTPData srtpAnswer;

    WebRtcTlsServer(WebRtcCrypto crypto, HandshakePolicy policy, HandshakeTiming timing) {
        super(crypto);
        this.crypto = crypto;
        this.policy = policy;
        this.timing = timing;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), CIPHER_SUITES);
    }

    @Override
    protected boolean preferLocalCipherSuites() {
        return true;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        srtpAnswer = policy.answer(TlsSRTPUtils.getUseSRTPExtension(clientExtensions));
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getServerExtensions());
        TlsSRTPUtils.addUseSRTPExtension(extensions, srtpAnswer);
        return extensions;
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return policy.signer(context, crypto, context.getSecurityParametersHandshake().getClientSigAlgs());
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        policy.verifyPeer(clientCertificate);
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        policy.handshakeComplete(context);
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    public boolean shouldCheckSigAlgOfPeerCerts() {
        return false;
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return timing.timeoutMillis();
    }

    @Override
    public int getHandshakeResendTimeMillis() {
        return timing.initialResendMillis();
    }
}
