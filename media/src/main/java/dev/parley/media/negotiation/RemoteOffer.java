package dev.parley.media.negotiation;

import dev.parley.protocol.dtls.DtlsFingerprint;
import dev.parley.protocol.dtls.DtlsRole;
import dev.parley.protocol.ice.IceCredentials;
import dev.parley.protocol.sdp.Fingerprint;
import dev.parley.protocol.sdp.MediaDescription;
import dev.parley.protocol.sdp.SdpParseResult;
import dev.parley.protocol.sdp.SessionDescription;
import dev.parley.protocol.sdp.Setup;
import java.util.List;

/**
 * A peer's offer, checked for what Parley needs: one BUNDLE transport with rtcp-mux, ICE
 * credentials, a DTLS fingerprint and a setup role. Everything refused is refused with a
 * reason the peer can act on.
 */
public record RemoteOffer(SessionDescription description, IceCredentials ice, DtlsFingerprint fingerprint,
                          DtlsRole localRole) {

    static final int MAX_SECTIONS = 32;

    public static RemoteOffer parse(String sdp) {
        SessionDescription description = switch (SessionDescription.parse(sdp)) {
            case SdpParseResult.Ok ok -> ok.description();
            case SdpParseResult.Error error -> throw new NegotiationException(
                    "invalid SDP at line " + error.lineNumber() + ": " + error.reason());
        };
        List<MediaDescription> media = description.media();
        if (media.isEmpty()) {
            throw new NegotiationException("the offer has no media sections");
        }
        if (media.size() > MAX_SECTIONS) {
            throw new NegotiationException("the offer has more than " + MAX_SECTIONS + " media sections");
        }
        MediaDescription first = media.getFirst();
        String ufrag = description.effectiveIceUfrag(first)
                .orElseThrow(() -> new NegotiationException("the offer has no a=ice-ufrag"));
        String pwd = description.effectiveIcePwd(first)
                .orElseThrow(() -> new NegotiationException("the offer has no a=ice-pwd"));
        if (!IceCredentials.isValidUfrag(ufrag) || !IceCredentials.isValidPassword(pwd)) {
            throw new NegotiationException("the offer's ICE ufrag or password is not valid (RFC 8839)");
        }
        for (MediaDescription m : media) {
            if (m.isRtp() && m.port() != 0 && !m.rtcpMux()) {
                throw new NegotiationException("media section " + m.mid().orElse("?") + " lacks a=rtcp-mux");
            }
            if (m.port() != 0 && m.mid().isEmpty()) {
                throw new NegotiationException("every media section needs an a=mid");
            }
        }
        List<String> bundle = description.bundleGroup();
        if (media.size() > 1 && bundle.isEmpty()) {
            throw new NegotiationException("the offer must use a=group:BUNDLE: Parley serves every section on one transport");
        }
        DtlsFingerprint fingerprint = description.effectiveFingerprints(first).stream()
                .map(RemoteOffer::toDtls)
                .flatMap(java.util.Optional::stream)
                .findFirst()
                .orElseThrow(() -> new NegotiationException("the offer has no usable a=fingerprint (sha-256 expected)"));
        Setup setup = description.effectiveSetup(first).orElse(Setup.ACTPASS);
        // We answer passive (DTLS server) whenever the peer can be the client; that way the
        // handshake starts when its ClientHello arrives, from the address ICE just validated.
        DtlsRole role = switch (setup) {
            case ACTPASS, ACTIVE -> DtlsRole.SERVER;
            case PASSIVE -> DtlsRole.CLIENT;
            case HOLDCONN -> throw new NegotiationException("a=setup:holdconn is not supported");
        };
        return new RemoteOffer(description, new IceCredentials(ufrag, pwd), fingerprint, role);
    }

    private static java.util.Optional<DtlsFingerprint> toDtls(Fingerprint fingerprint) {
        return DtlsFingerprint.of(fingerprint.hashFunction(), fingerprint.value());
    }

    /** The a=setup value of our answer for the role chosen. */
    public Setup answerSetup() {
        return localRole == DtlsRole.SERVER ? Setup.PASSIVE : Setup.ACTIVE;
    }
}
