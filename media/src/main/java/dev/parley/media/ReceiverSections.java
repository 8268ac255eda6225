package dev.parley.media;

import dev.parley.media.endpoint.Endpoint;
import dev.parley.media.negotiation.NegotiationException;
import dev.parley.media.negotiation.OfferSection;
import dev.parley.media.negotiation.OfferWriter;
import dev.parley.media.negotiation.RemoteAnswer;
import dev.parley.media.sfu.LegFormat;
import dev.parley.media.sfu.MediaKind;
import dev.parley.media.sfu.PublishedTrack;
import dev.parley.media.sfu.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sections of a peer connection that Parley offers: one sending section per subscribed
 * track. A new offer keeps every existing mid in place (BUNDLE and the peer's transceivers
 * depend on it), and a mid keeps its meaning for the life of the connection (the signaling
 * tells clients which participant and source each mid carries): a removed track's section goes
 * inactive, port kept, and only that same track may bring it back. Media loop only.
 */
final class ReceiverSections {

    private static final class Section {
        final String mid;
        final MediaKind kind;
        /** The one room track this section ever carries. */
        final String trackId;
        Subscription leg;
        OfferSection offered;

        Section(String mid, MediaKind kind, String trackId) {
            this.mid = mid;
            this.kind = kind;
            this.trackId = trackId;
        }
    }

    private final Endpoint endpoint;
    private final List<Section> sections = new ArrayList<>();
    private final String sessionId = Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 62));
    private long version = 1;
    private boolean answered;

    ReceiverSections(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Makes the legs match {@code wanted} and returns the offer that describes them. */
    String offer(List<PublishedTrack> wanted, OfferWriter writer, long nowNanos) {
        Set<String> wantedIds = wanted.stream().map(PublishedTrack::id).collect(Collectors.toSet());
        for (Section section : sections) {
            if (section.leg != null && (!wantedIds.contains(section.leg.source().id()) || section.leg.isClosed())) {
                section.leg.close();
                section.leg = null;
            }
        }
        Set<String> present = sections.stream().filter(s -> s.leg != null).map(s -> s.leg.source().id())
                .collect(Collectors.toSet());
        for (PublishedTrack track : wanted) {
            if (present.contains(track.id()) || track.isClosed()) {
                continue;
            }
            Section section = sections.stream().filter(s -> s.leg == null && s.trackId.equals(track.id())).findFirst()
                    .orElseGet(() -> {
                        var added = new Section(Integer.toString(sections.size()), track.kind(), track.id());
                        sections.add(added);
                        return added;
                    });
            int payloadType = OfferSection.payloadTypeFor(track.codecName());
            var format = new LegFormat(payloadType, section.mid, OfferWriter.MID_EXTENSION_ID,
                    track.kind() == MediaKind.AUDIO ? OfferWriter.AUDIO_LEVEL_EXTENSION_ID : 0);
            section.leg = track.subscribe(endpoint, format, Ssrcs.random(), nowNanos);
            endpoint.addLeg(section.leg);
        }
        var offered = new ArrayList<OfferSection>();
        for (Section section : sections) {
            section.offered = describe(section);
            offered.add(section.offered);
        }
        return writer.write(sessionId, version++, offered);
    }

    /** The same offer again, with the ICE credentials of {@code writer}: Parley's side of an ICE restart. */
    String reoffer(OfferWriter writer, long nowNanos) {
        return offer(legs().stream().map(Subscription::source).toList(), writer, nowNanos);
    }

    /** The mid that carries each track now sending, in section order. */
    List<MediaServer.OfferedTrack> tracks() {
        return sections.stream().filter(s -> s.leg != null)
                .map(s -> new MediaServer.OfferedTrack(s.mid, s.trackId)).toList();
    }

    /**
     * Applies the peer's answer: the transport the first time, the peer's ICE credentials after
     * that (they change when it answers an ICE restart), and which sections it took.
     */
    void accept(String sdp) {
        List<String> mids = sections.stream().map(s -> s.mid).toList();
        if (mids.isEmpty()) {
            throw new NegotiationException("there is no offer to answer");
        }
        RemoteAnswer answer = RemoteAnswer.parse(sdp, mids);
        if (!answered) {
            endpoint.setRemoteTransport(new Endpoint.RemoteTransport(answer.ice(), answer.fingerprint(), answer.localRole()));
            answered = true;
        } else {
            var known = endpoint.remoteTransport().orElseThrow().fingerprint();
            if (!known.value().equalsIgnoreCase(answer.fingerprint().value())) {
                throw new NegotiationException("the DTLS fingerprint changed: a new certificate needs a new connection");
            }
            endpoint.setRemoteIce(answer.ice());
        }
        for (Section section : sections) {
            if (section.leg != null && !answer.acceptedByMid().getOrDefault(section.mid, false)) {
                section.leg.close(); // the peer refused this track
                section.leg = null;
            }
        }
    }

    List<Subscription> legs() {
        return sections.stream().filter(s -> s.leg != null).map(s -> s.leg).toList();
    }

    private static OfferSection describe(Section section) {
        if (section.leg == null) {
            // An idle section still names a codec of its kind, as every m= line must.
            return section.kind == MediaKind.AUDIO
                    ? new OfferSection(section.mid, section.kind, 111, "opus", 48_000, 2, "minptime=10;useinbandfec=1",
                    Optional.empty())
                    : new OfferSection(section.mid, section.kind, 96, "VP8", 90_000, 1, "", Optional.empty());
        }
        PublishedTrack track = section.leg.source();
        boolean opus = track.codecName().equalsIgnoreCase("opus");
        return new OfferSection(section.mid, section.kind, section.leg.format().payloadType(), track.codecName(),
                track.clockRate(), opus ? 2 : 1, track.source().fmtp(),
                Optional.of(new OfferSection.Leg(section.leg.ssrc(), track.source().streamId(), track.id())));
    }
}
