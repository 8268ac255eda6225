package dev.parley.protocol.dtls;

import dev.parley.protocol.dtls.DtlsException.Reason;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;

/**
 * The WebRTC rules both BouncyCastle peers apply, kept in one place: who the peer must be (its
 * certificate hashes to the SDP fingerprint, RFC 5763 §5), which SRTP profile to use (RFC 5764
 * §4.1), what we sign with, and the key export at the end (RFC 5764 §4.2). It also remembers
 * why a handshake failed, since BouncyCastle reports our own refusals only as alerts.
 *
 * <p>One per connection; the handshake thread writes it, other threads may read the outcome.
 */
final class HandshakePolicy {

    private final DtlsRole role;
    private final DtlsCertificate certificate;
    private final DtlsFingerprint remoteFingerprint;
    private final List<DtlsSrtpProfile> profiles;

    private volatile DtlsSrtpProfile selected;
    private volatile DtlsResult result;
    private volatile Reason failure;
    private volatile String failureDetail = "";

    HandshakePolicy(DtlsRole role, DtlsCertificate certificate, DtlsFingerprint remoteFingerprint,
            List<DtlsSrtpProfile> profiles) {
        this.role = role;
        this.certificate = certificate;
        this.remoteFingerprint = remoteFingerprint;
        this.profiles = List.copyOf(profiles);
    }

    DtlsRole role() {
        return role;
    }

    /** What the client offers in use_srtp, in our preference order. */
    UseSRTPData offer() {
        return new UseSRTPData(profiles.stream().mapToInt(DtlsSrtpProfile::id).toArray(), TlsUtils.EMPTY_BYTES);
    }

    /**
     * Server side: our most preferred profile that the client offered. RFC 5764 §4.1.1 would let
     * us continue without SRTP, but a WebRTC peer has no use for such a connection, so we refuse.
     */
    UseSRTPData answer(UseSRTPData clientOffer) throws IOException {
        if (clientOffer == null) {
            throw fail(Reason.NO_SRTP_PROFILE, "the client did not offer use_srtp", AlertDescription.handshake_failure);
        }
        for (DtlsSrtpProfile profile : profiles) {
            for (int offered : clientOffer.getProtectionProfiles()) {
                if (offered == profile.id()) {
                    selected = profile;
                    // RFC 5764 §4.1.1: we use no MKI, so the answer carries an empty one.
                    return new UseSRTPData(new int[] {profile.id()}, TlsUtils.EMPTY_BYTES);
                }
            }
        }
        throw fail(Reason.NO_SRTP_PROFILE, "no common SRTP profile; the client offered "
                + ids(clientOffer.getProtectionProfiles()) + ", we accept " + profiles,
                AlertDescription.handshake_failure);
    }

    /** Client side: the server must pick exactly one of the profiles we offered, with our (empty) MKI. */
    void accept(UseSRTPData serverAnswer) throws IOException {
        if (serverAnswer == null) {
            throw fail(Reason.NO_SRTP_PROFILE, "the server did not answer use_srtp", AlertDescription.handshake_failure);
        }
        int[] chosen = serverAnswer.getProtectionProfiles();
        Optional<DtlsSrtpProfile> profile = chosen.length == 1 ? DtlsSrtpProfile.byId(chosen[0]) : Optional.empty();
        if (profile.isEmpty() || !profiles.contains(profile.get())) {
            throw fail(Reason.PROTOCOL_ERROR, "the server chose SRTP profiles " + ids(chosen)
                    + " but we offered " + profiles, AlertDescription.illegal_parameter);
        }
        if (serverAnswer.getMki().length != 0) {
            throw fail(Reason.PROTOCOL_ERROR, "the server sent an SRTP MKI we did not offer",
                    AlertDescription.illegal_parameter);
        }
        selected = profile.get();
    }

    /** The peer's end-entity certificate must hash to the fingerprint from its SDP. */
    void verifyPeer(Certificate chain) throws IOException {
        if (chain == null || chain.isEmpty()) {
            throw fail(Reason.FINGERPRINT_MISMATCH, "the peer sent no certificate", AlertDescription.handshake_failure);
        }
        TlsCertificate endEntity = chain.getCertificateAt(0);
        byte[] der = WebRtcCrypto.receivedBytes(endEntity);
        if (!remoteFingerprint.matches(der)) {
            DtlsFingerprint actual = DtlsFingerprint.compute(remoteFingerprint.algorithm(), der);
            throw fail(Reason.FINGERPRINT_MISMATCH, "the peer's certificate has fingerprint " + actual.toSdp()
                    + " but its SDP said " + remoteFingerprint.toSdp(), AlertDescription.bad_certificate);
        }
    }

    /** Our certificate and key, signing with ECDSA and the best hash the peer accepts. */
    TlsCredentialedSigner signer(TlsContext context, WebRtcCrypto crypto, Vector<?> peerSignatureAlgorithms)
            throws IOException {
        SignatureAndHashAlgorithm algorithm = TlsUtils.chooseSignatureAndHashAlgorithm(context,
                peerSignatureAlgorithms, SignatureAlgorithm.ecdsa);
        if (algorithm == null) {
            return null;
        }
        var chain = new Certificate(new TlsCertificate[] {crypto.createCertificate(certificate.der())});
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto,
                certificate.privateKey(), chain, algorithm);
    }

    /**
     * Exports the SRTP keys. This must run inside BouncyCastle's handshake-complete callback:
     * once {@code connect}/{@code accept} return, the master secret has been wiped.
     */
    void handshakeComplete(TlsContext context) throws IOException {
        DtlsSrtpProfile profile = selected;
        if (profile == null) {
            throw fail(Reason.NO_SRTP_PROFILE, "the handshake completed without an SRTP profile",
                    AlertDescription.internal_error);
        }
        byte[] material = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null,
                2 * (profile.keyLength() + profile.saltLength()));
        result = new DtlsResult(role, profile, context.getSecurityParametersConnection().getCipherSuite(), material);
    }

    /** Records why we are refusing, and returns the alert to throw. */
    TlsFatalAlert fail(Reason reason, String detail, short alert) {
        if (failure == null) {
            failure = reason;
            failureDetail = detail;
        }
        return new TlsFatalAlert(alert, detail);
    }

    Optional<DtlsResult> result() {
        return Optional.ofNullable(result);
    }

    Optional<Reason> failure() {
        return Optional.ofNullable(failure);
    }

    String failureDetail() {
        return failureDetail;
    }

    private static String ids(int[] ids) {
        var text = new StringBuilder("[");
        for (int id : ids) {
            text.append(text.length() > 1 ? ", " : "").append(DtlsSrtpProfile.byId(id).map(Enum::name)
                    .orElse(String.format("0x%04x", id)));
        }
        return text.append(']').toString();
    }
}
