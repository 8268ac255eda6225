package dev.parley.media.negotiation;

import dev.parley.protocol.dtls.DtlsFingerprint;
import dev.parley.protocol.dtls.DtlsRole;
import dev.parley.protocol.ice.IceCredentials;
import dev.parley.protocol.sdp.Direction;
import dev.parley.protocol.sdp.MediaDescription;
import dev.parley.protocol.sdp.SdpParseResult;
import dev.parley.protocol.sdp.SessionDescription;
import dev.parley.protocol.sdp.Setup;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A peer's answer to an offer Parley made: its transport, and which sections it took.
 * A section is taken when its port is not 0 and its direction lets the peer receive.
 */
public record RemoteAnswer(IceCredentials ice, DtlsFingerprint fingerprint, DtlsRole localRole,
                           Map<String, Boolean> acceptedByMid) {

    public static RemoteAnswer parse(String sdp, List<String> offeredMids) {
        SessionDescription description = switch (SessionDescription.parse(sdp)) {
            case SdpParseResult.Ok ok -> ok.description();
            case SdpParseResult.Error error -> throw new NegotiationException(
                    "invalid SDP at line " + error.lineNumber() + ": " + error.reason());
        };
        List<String> mids = description.media().stream().map(m -> m.mid().orElse("")).toList();
        if (!mids.equals(offeredMids)) {
            throw new NegotiationException("the answer's sections " + mids + " do not match the offer's " + offeredMids);
        }
        MediaDescription first = description.media().stream().filter(m -> m.port() != 0).findFirst()
                .orElseThrow(() -> new NegotiationException("the answer rejects every section"));
        String ufrag = description.effectiveIceUfrag(first)
                .orElseThrow(() -> new NegotiationException("the answer has no a=ice-ufrag"));
        String pwd = description.effectiveIcePwd(first)
                .orElseThrow(() -> new NegotiationException("the answer has no a=ice-pwd"));
        if (!IceCredentials.isValidUfrag(ufrag) || !IceCredentials.isValidPassword(pwd)) {
            throw new NegotiationException("the answer's ICE ufrag or password is not valid (RFC 8839)");
        }
        DtlsFingerprint fingerprint = description.effectiveFingerprints(first).stream()
                .map(f -> DtlsFingerprint.of(f.hashFunction(), f.value()))
                .flatMap(java.util.Optional::stream)
                .findFirst()
                .orElseThrow(() -> new NegotiationException("the answer has no usable a=fingerprint"));
        Setup setup = description.effectiveSetup(first)
                .orElseThrow(() -> new NegotiationException("the answer has no a=setup"));
        DtlsRole role = switch (setup) {
            case ACTIVE -> DtlsRole.SERVER;
            case PASSIVE -> DtlsRole.CLIENT;
            default -> throw new NegotiationException("an answer's a=setup must be active or passive, not " + setup);
        };
        Map<String, Boolean> accepted = description.media().stream().collect(Collectors.toMap(
                m -> m.mid().orElse(""),
                m -> m.port() != 0 && receives(description.effectiveDirection(m)),
                (a, b) -> a, java.util.LinkedHashMap::new));
        return new RemoteAnswer(new IceCredentials(ufrag, pwd), fingerprint, role, accepted);
    }

    private static boolean receives(Direction direction) {
        return direction == Direction.RECVONLY || direction == Direction.SENDRECV;
    }
}
