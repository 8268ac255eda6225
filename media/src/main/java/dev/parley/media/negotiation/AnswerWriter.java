package dev.parley.media.negotiation;

import dev.parley.protocol.ice.IceCredentials;
import dev.parley.protocol.rtp.AudioLevel;
import dev.parley.protocol.rtp.SdesMid;
import dev.parley.protocol.sdp.Candidate;
import dev.parley.protocol.sdp.CandidateType;
import dev.parley.protocol.sdp.Direction;
import dev.parley.protocol.sdp.Extmap;
import dev.parley.protocol.sdp.Fingerprint;
import dev.parley.protocol.sdp.MediaDescription;
import dev.parley.protocol.sdp.MediaKind;
import dev.parley.protocol.sdp.Msid;
import dev.parley.protocol.sdp.Origin;
import dev.parley.protocol.sdp.SessionDescription;
import dev.parley.protocol.sdp.Ssrc;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes Parley's SDP answer: ICE-lite, one BUNDLE transport (our ICE credentials, DTLS
 * fingerprint and setup role), host candidates on the media port, and per section the one
 * codec chosen, the header extensions Parley uses, and for sending sections the leg's SSRC
 * with its msid.
 */
public final class AnswerWriter {

    /** Header extensions Parley reads or writes: the mid (BUNDLE demux) and audio levels. */
    static final List<String> SUPPORTED_EXTENSIONS = List.of(SdesMid.URI, AudioLevel.URI);

    private final IceCredentials ice;
    private final Fingerprint fingerprint;
    private final List<InetSocketAddress> candidates;
    private final String cname;

    public AnswerWriter(IceCredentials ice, String fingerprintAlgorithm, String fingerprintValue,
                        List<InetSocketAddress> candidates, String cname) {
        this.ice = ice;
        this.fingerprint = new Fingerprint(fingerprintAlgorithm, fingerprintValue);
        this.candidates = List.copyOf(candidates);
        this.cname = cname;
    }

    /** The header extensions of {@code offered} that Parley keeps, with the peer's ids. */
    public static List<Extmap> supportedExtensions(MediaDescription offered) {
        return offered.extmaps().stream()
                .filter(e -> SUPPORTED_EXTENSIONS.contains(e.uri()))
                .filter(e -> !e.uri().equals(AudioLevel.URI) || offered.kind() == MediaKind.AUDIO)
                .filter(e -> e.id() >= 1 && e.id() <= 14)
                .map(e -> new Extmap(e.id(), Optional.empty(), e.uri(), Optional.empty()))
                .toList();
    }

    public String write(RemoteOffer offer, List<SectionAnswer> sections) {
        var media = new ArrayList<MediaDescription>();
        var bundle = new ArrayList<String>();
        boolean first = true;
        for (SectionAnswer section : sections) {
            MediaDescription answer = switch (section) {
                case SectionAnswer.Rejected rejected -> rejected(rejected.offered());
                case SectionAnswer.Receive receive ->
                        accepted(offer, receive.offered(), receive.codec(), receive.extmaps(), Direction.RECVONLY, first)
                                .build();
                case SectionAnswer.Inactive inactive ->
                        accepted(offer, inactive.offered(), inactive.codec(), List.of(), Direction.INACTIVE, first).build();
                case SectionAnswer.Send send -> accepted(offer, send.offered(), send.codec(), send.extmaps(),
                        Direction.SENDONLY, first)
                        .addMsid(new Msid(send.streamId(), Optional.of(send.trackId())))
                        .addSsrc(new Ssrc(send.ssrc(), Optional.of(cname),
                                Optional.of(new Msid(send.streamId(), Optional.of(send.trackId()))), List.of()))
                        .build();
            };
            if (!(section instanceof SectionAnswer.Rejected)) {
                bundle.add(answer.mid().orElseThrow());
                first = false;
            }
            media.add(answer);
        }
        var session = SessionDescription.builder(Origin.of(Long.toString(ThreadLocalRandom.current().nextLong(1L << 62)), 2))
                .iceLite(true)
                .bundle(bundle)
                .media(media);
        return session.build().write();
    }

    private MediaDescription.Builder accepted(RemoteOffer offer, MediaDescription offered, ChosenCodec codec,
                                              List<Extmap> extmaps, Direction direction, boolean withCandidates) {
        var builder = MediaDescription.builder(offered.kind())
                .port(9)
                .protocol(offered.protocol())
                .mid(offered.mid().orElseThrow())
                .iceUfrag(ice.ufrag())
                .icePwd(ice.password())
                .addFingerprint(fingerprint)
                .setup(offer.answerSetup())
                .rtcpMux(true)
                .rtcpRsize(offered.rtcpRsize())
                .direction(direction)
                .codecs(codec.answerCodecs())
                .extmaps(extmaps);
        // With BUNDLE, the candidates of the first section serve all of them (RFC 8843 §7).
        if (withCandidates) {
            builder.candidates(hostCandidates()).endOfCandidates(true);
        }
        return builder;
    }

    private static MediaDescription rejected(MediaDescription offered) {
        return offered.withPort(0).withCandidates(List.of());
    }

    private List<Candidate> hostCandidates() {
        var list = new ArrayList<Candidate>();
        int index = 0;
        for (InetSocketAddress address : candidates) {
            // RFC 8445 §5.1.2.1 priority for host candidates, preferring earlier addresses.
            long priority = (126L << 24) | ((65535L - index) << 8) | 255;
            list.add(new Candidate(Integer.toString(index + 1), 1, "udp", priority,
                    address.getAddress().getHostAddress(), address.getPort(), CandidateType.HOST,
                    Optional.empty(), OptionalInt.empty(), Optional.empty(), List.of()));
            index++;
        }
        return list;
    }
}
