package dev.parley.platform.calls;

import dev.parley.media.LinkStats;
import dev.parley.media.MediaServer;
import dev.parley.media.NetworkQuality;
import dev.parley.media.Peer;
import dev.parley.media.Room;
import dev.parley.media.RoomListener;
import dev.parley.media.negotiation.NegotiationException;
import dev.parley.media.sfu.MediaKind;
import dev.parley.media.sfu.PublishedTrack;
import dev.parley.platform.signaling.ClientMessage;
import dev.parley.platform.signaling.ServerMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media side of a call or room, all through the SFU room {@code mediaRoomKey}: publish
 * (the client offers), subscribe (Parley offers, one negotiation at a time per member), hold,
 * DTMF, active speaker and network quality. Runs on the conversation's executor; the media
 * server's futures and room events are brought back onto it, so no state here is shared.
 */
final class ConversationMedia {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationMedia.class);

    /** A track of the SFU room: who publishes it and from which mid of their publish offer. */
    private record TrackRow(String trackId, String owner, String mid, MediaKind kind) {
    }

    private final Conversation conversation;
    private final MediaServer media;
    private final RoomListener listener = new Listener();
    /** The SFU room object the listener is on; media loop only (a room emptied and re-created is a new one). */
    private Room listened;
    private Map<String, TrackRow> tracks = Map.of();
    private Optional<String> talking = Optional.empty();
    private ScheduledFuture<?> qualityTimer;
    private boolean held;
    private boolean closed;

    ConversationMedia(Conversation conversation, MediaServer media) {
        this.conversation = conversation;
        this.media = media;
    }

    // --- publish ---

    void publish(Member member, ClientMessage.Publish publish) {
        MemberMedia mine = member.media;
        if (mine.publishPeerId == null && mine.publishing) {
            Conversation.error(member.device, publish, ErrorCode.INVALID_STATE.info("the previous publish is still being answered"));
            return;
        }
        if (publish.sources() != null) {
            mine.sources.putAll(publish.sources());
        }
        boolean first = mine.publishPeerId == null;
        mine.publishing = true;
        CompletableFuture<MediaServer.Answer> answer = first
                ? media.acceptOffer(conversation.mediaRoomKey, member.identity(), publish.sdp(), Peer.Intent.PUBLISH,
                        conversation.browserAudioCodecs.isEmpty() ? MediaServer.OPUS_ONLY : conversation.browserAudioCodecs)
                : media.restartIce(mine.publishPeerId, publish.sdp());
        answer.whenCompleteAsync((result, failure) -> {
            mine.publishing = false;
            if (failure != null) {
                refuse(member, publish, failure);
                return;
            }
            if (closed || !conversation.members().contains(member)) {
                media.closePeer(result.peerId(), "the call or room ended while publishing");
                return;
            }
            mine.publishPeerId = result.peerId();
            member.send(new ServerMessage.PublishAnswer(publish.requestId(), member.callId, result.sdp()));
            listen();
            refreshTracks();
        }, conversation.executor);
    }

    // --- subscribe ---

    /** The members changed (joined, accepted): offer each what it should now receive. */
    void membersChanged() {
        startQualityTimer();
        listen(); // a phone's RTP leg may have made the SFU room before any browser published
        refreshTracks();
    }

    void subscribeAnswer(Member member, ClientMessage.SubscribeAnswer answer) {
        MemberMedia mine = member.media;
        if (mine.subscribePeerId == null || !mine.negotiating) {
            Conversation.error(member.device, answer, ErrorCode.INVALID_STATE.info("no subscribe-offer is waiting for an answer"));
            return;
        }
        media.acceptAnswer(mine.subscribePeerId, answer.sdp()).whenCompleteAsync((ok, failure) -> {
            mine.negotiating = false;
            if (failure != null) {
                refuse(member, answer, failure);
                return;
            }
            if (held) {
                pause(member, true);
            }
            if (mine.dirty) {
                mine.dirty = false;
                updateSubscriptions();
            }
        }, conversation.executor);
    }

    /** ICE restart of the subscribe connection (the client lost its network). */
    void resubscribe(Member member, ClientMessage.Resubscribe resubscribe) {
        MemberMedia mine = member.media;
        if (mine.subscribePeerId == null) {
            updateSubscriptions();
            return;
        }
        mine.negotiating = true;
        media.restartIceOffer(mine.subscribePeerId).whenCompleteAsync((offer, failure) -> {
            if (failure != null) {
                mine.negotiating = false;
                refuse(member, resubscribe, failure);
                return;
            }
            sendOffer(member, offer);
        }, conversation.executor);
    }

    private void refreshTracks() {
        if (closed) {
            return;
        }
        media.withRoom(conversation.mediaRoomKey, room -> room.tracks().stream()
                        .filter(t -> !t.isClosed())
                        .map(t -> new TrackRow(t.id(), room.ownerOf(t).orElse(""), t.source().mid(), t.kind()))
                        .toList())
                .thenAcceptAsync(rows -> {
                    var byId = new LinkedHashMap<String, TrackRow>();
                    rows.orElse(List.of()).forEach(row -> byId.put(row.trackId(), row));
                    tracks = byId;
                    updateSubscriptions();
                    conversation.recording.tracksChanged();
                }, conversation.executor);
    }

    private void updateSubscriptions() {
        if (closed || !conversation.mediaFlows()) {
            return;
        }
        for (Member member : conversation.members()) {
            List<String> wanted = tracks.values().stream()
                    .filter(t -> !t.owner().equals(member.identity()))
                    .filter(t -> !member.isPhone() || t.kind() == MediaKind.AUDIO)
                    .map(TrackRow::trackId).toList();
            MemberMedia mine = member.media;
            if (member.isPhone()) {
                hear(member, wanted);
                continue;
            }
            boolean unchanged = wanted.equals(mine.subscribed) && (mine.subscribePeerId != null || wanted.isEmpty());
            if (unchanged) {
                continue;
            }
            if (mine.negotiating) {
                mine.dirty = true;
                continue;
            }
            negotiate(member, wanted);
        }
    }

    /** A phone member hears the audio tracks it should (mixed, or passed through when one fits). */
    private void hear(Member member, List<String> wanted) {
        MemberMedia mine = member.media;
        String peerId = member.phone.get().rtpPeerId;
        if (peerId == null || (wanted.equals(mine.subscribed) && !mine.dirty)) {
            return;
        }
        mine.subscribed = wanted;
        mine.dirty = false;
        media.hearTracks(peerId, held ? List.of() : wanted).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.debug("{} cannot hear {}: {}", member.identity(), wanted, cause(failure).getMessage());
            }
        });
    }

    private void negotiate(Member member, List<String> wanted) {
        MemberMedia mine = member.media;
        mine.negotiating = true;
        mine.subscribed = wanted;
        CompletableFuture<MediaServer.Offer> offer = mine.subscribePeerId == null
                ? media.offerTracks(conversation.mediaRoomKey, member.identity(), wanted)
                : media.updateTracks(mine.subscribePeerId, wanted);
        offer.whenCompleteAsync((result, failure) -> {
            if (failure != null) {
                // Usually a track that went away meanwhile: look again and offer what is there.
                mine.negotiating = false;
                mine.subscribed = List.of();
                LOG.debug("subscribe offer for {} failed: {}", member.identity(), cause(failure).getMessage());
                if (!(cause(failure) instanceof NegotiationException)) {
                    member.send(new ServerMessage.Error(null, member.callId, ErrorCode.MEDIA_FAILED.info()));
                    return;
                }
                refreshTracks();
                return;
            }
            if (closed || !conversation.members().contains(member)) {
                media.closePeer(result.peerId(), "the call or room ended while offering");
                return;
            }
            mine.subscribePeerId = result.peerId();
            listen();
            sendOffer(member, result);
        }, conversation.executor);
    }

    private void sendOffer(Member member, MediaServer.Offer offer) {
        var described = new ArrayList<ServerMessage.OfferedTrack>();
        for (MediaServer.OfferedTrack offered : offer.tracks()) {
            TrackRow row = tracks.get(offered.trackId());
            if (row != null) {
                described.add(new ServerMessage.OfferedTrack(offered.mid(), row.owner(), sourceOf(row)));
            }
        }
        member.send(new ServerMessage.SubscribeOffer(member.callId, offer.sdp(), described));
    }

    /** What the publisher said the mid carries; by kind when it did not say. */
    private String sourceOf(TrackRow row) {
        return conversation.members().stream()
                .filter(m -> m.identity().equals(row.owner()))
                .map(m -> m.media.sources.get(row.mid()))
                .filter(source -> source != null)
                .findFirst()
                .orElse(row.kind() == MediaKind.AUDIO ? "microphone" : "camera");
    }

    // --- hold ---

    void setHeld(boolean onHold) {
        held = onHold;
        conversation.members().forEach(member -> pause(member, onHold));
    }

    /** Pauses or resumes every leg the member's subscribe connection receives (what a phone hears). */
    private void pause(Member member, boolean paused) {
        if (member.isPhone()) {
            String rtpPeer = member.phone.get().rtpPeerId;
            if (rtpPeer != null) {
                media.hearTracks(rtpPeer, paused ? List.of() : member.media.subscribed);
            }
            return;
        }
        String peerId = member.media.subscribePeerId;
        if (peerId != null) {
            for (String trackId : member.media.subscribed) {
                media.setPaused(peerId, trackId, paused);
            }
        }
    }

    // --- network quality ---

    private void startQualityTimer() {
        if (qualityTimer == null && !closed) {
            qualityTimer = conversation.service.scheduleAtFixedRate(conversation.service.settings().qualityInterval(),
                    () -> conversation.executor.execute(this::measureQuality));
        }
    }

    private void measureQuality() {
        if (closed) {
            return;
        }
        for (Member member : conversation.members()) {
            var futures = new ArrayList<CompletableFuture<Optional<LinkStats>>>();
            for (String peerId : peersOf(member)) {
                if (peerId != null) {
                    futures.add(media.linkStats(peerId));
                }
            }
            if (futures.isEmpty()) {
                continue;
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenRunAsync(() -> {
                Optional<LinkStats> worst = futures.stream().map(CompletableFuture::join).flatMap(Optional::stream)
                        .reduce(ConversationMedia::worse);
                worst.ifPresent(stats -> report(member, stats));
            }, conversation.executor);
        }
    }

    private static LinkStats worse(LinkStats a, LinkStats b) {
        return new LinkStats(Math.max(a.lossFraction(), b.lossFraction()), Math.max(a.jitterMs(), b.jitterMs()),
                Math.max(a.rttMs(), b.rttMs()), a.packetsReceived() + b.packetsReceived(), a.packetsSent() + b.packetsSent());
    }

    private void report(Member member, LinkStats stats) {
        NetworkQuality quality = NetworkQuality.of(stats);
        if (closed || quality.level() == member.media.qualityLevel || !conversation.members().contains(member)) {
            return;
        }
        member.media.qualityLevel = quality.level();
        for (Member to : conversation.members()) {
            to.send(new ServerMessage.NetworkQuality(to.callId, member.nameFor(to), quality.level(), quality.mos(),
                    stats.lossFraction(), stats.jitterMs(), stats.rttMs()));
        }
    }

    // --- ending ---

    /** A room member left: its connections close, and the others' offers follow through the room events. */
    void memberLeft(Member member) {
        closePeers(member);
    }

    void close() {
        closed = true;
        if (qualityTimer != null) {
            qualityTimer.cancel(false);
        }
        conversation.members().forEach(this::closePeers);
    }

    private void closePeers(Member member) {
        for (String peerId : peersOf(member)) {
            media.closePeer(peerId, "left the call or room");
        }
        member.media.publishPeerId = null;
        member.media.subscribePeerId = null;
    }

    /** The member's peers on the media server: publish and subscribe, or a phone's RTP leg. */
    private static List<String> peersOf(Member member) {
        var peers = new ArrayList<String>(2);
        member.phone.map(leg -> leg.rtpPeerId).ifPresent(peers::add);
        for (String peerId : new String[] {member.media.publishPeerId, member.media.subscribePeerId}) {
            if (peerId != null) {
                peers.add(peerId);
            }
        }
        return peers;
    }

    // --- room events ---

    /** Puts the listener on the SFU room (again, when the room was re-created after emptying). */
    private void listen() {
        media.withRoom(conversation.mediaRoomKey, room -> {
            if (room != listened) {
                room.addListener(listener);
                listened = room;
            }
            return null;
        });
    }

    /** Called on the media loop: hands every event to the conversation's executor. */
    private final class Listener implements RoomListener {
        @Override
        public void onTrackPublished(Room room, PublishedTrack track) {
            conversation.executor.execute(ConversationMedia.this::refreshTracks);
        }

        @Override
        public void onTrackUnpublished(Room room, PublishedTrack track) {
            conversation.executor.execute(ConversationMedia.this::refreshTracks);
        }

        @Override
        public void onDtmf(Room room, Peer peer, char digit) {
            String from = peer.participant();
            conversation.executor.execute(() -> dtmf(from, digit));
        }

        @Override
        public void onActiveSpeaker(Room room, Optional<String> participant) {
            conversation.executor.execute(() -> speaker(participant));
        }
    }

    /**
     * A key pressed by {@code from} (in band, RFC 4733): the other WebRTC members are told, a
     * phone member hears it as RFC 4733 events on its RTP leg.
     */
    private void dtmf(String from, char digit) {
        Optional<Member> sender = conversation.members().stream().filter(m -> m.identity().equals(from)).findFirst();
        for (Member member : conversation.members()) {
            if (member.identity().equals(from)) {
                continue;
            }
            if (member.isPhone()) {
                String rtpPeer = member.phone.get().rtpPeerId;
                if (rtpPeer != null && !held) {
                    media.sendDtmf(rtpPeer, String.valueOf(digit)).whenComplete((ok, failure) -> {
                        if (failure != null) {
                            LOG.debug("DTMF to {} failed: {}", member.identity(), cause(failure).getMessage());
                        }
                    });
                }
            } else {
                String name = sender.map(s -> s.nameFor(member)).orElse(from);
                member.send(new ServerMessage.Dtmf(member.callId, name, String.valueOf(digit)));
            }
        }
    }

    private void speaker(Optional<String> now) {
        if (closed || now.equals(talking)) {
            return;
        }
        Optional<String> before = talking;
        talking = now;
        for (Member member : conversation.members()) {
            before.ifPresent(p -> member.send(new ServerMessage.ParticipantTalking(member.callId, p, false)));
            now.ifPresent(p -> member.send(new ServerMessage.ParticipantTalking(member.callId, p, true)));
        }
    }

    private void refuse(Member member, ClientMessage message, Throwable failure) {
        Throwable cause = cause(failure);
        if (cause instanceof NegotiationException refused) {
            Conversation.error(member.device, message, ErrorCode.INVALID_REQUEST.info("sdp cannot be used: " + refused.getMessage()));
        } else {
            LOG.error("media request {} failed", message.getClass().getSimpleName(), cause);
            Conversation.error(member.device, message, ErrorCode.MEDIA_FAILED.info());
        }
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
