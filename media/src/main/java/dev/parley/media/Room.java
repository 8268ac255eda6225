package dev.parley.media;

import dev.parley.media.loop.MediaLoop;
import dev.parley.media.sfu.MediaKind;
import dev.parley.media.sfu.PublishedTrack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A room of the SFU: its peers, the tracks they publish, and who is speaking. Closing the
 * room closes every peer in it, and through them every track and leg. Media loop only.
 */
public final class Room {

    private static final long SPEAKER_INTERVAL_NANOS = 300_000_000L;
    /** RFC 6464 levels are -dBov: below this is speech, above it background. */
    private static final int SPEECH_LEVEL = 60;

    private final String key;
    private final MediaLoop loop;
    private final Runnable onEmpty;
    private final Map<String, Peer> peers = new LinkedHashMap<>();
    private final List<PublishedTrack> tracks = new ArrayList<>();
    private final Map<String, String> trackOwners = new LinkedHashMap<>();
    private final List<RoomListener> listeners = new CopyOnWriteArrayList<>();
    private Optional<String> activeSpeaker = Optional.empty();
    private boolean closed;

    Room(String key, MediaLoop loop, Runnable onEmpty) {
        this.key = key;
        this.loop = loop;
        this.onEmpty = onEmpty;
        loop.schedule(SPEAKER_INTERVAL_NANOS, this::speakerTick);
    }

    public String key() {
        return key;
    }

    public void addListener(RoomListener listener) {
        listeners.add(listener);
    }

    public void removeListener(RoomListener listener) {
        listeners.remove(listener);
    }

    public List<Peer> peers() {
        return List.copyOf(peers.values());
    }

    public List<PublishedTrack> tracks() {
        return List.copyOf(tracks);
    }

    /** Who published {@code track} (the participant name given when its peer joined). */
    public Optional<String> ownerOf(PublishedTrack track) {
        return Optional.ofNullable(trackOwners.get(track.id()));
    }

    /** The {@code index}-th track of {@code kind} published by anyone but {@code excluded}. */
    public Optional<PublishedTrack> trackFor(MediaKind kind, int index, String excluded) {
        return tracks.stream()
                .filter(t -> t.kind() == kind && !t.isClosed())
                .filter(t -> !excluded.equals(trackOwners.get(t.id())))
                .skip(index)
                .findFirst();
    }

    public Optional<String> activeSpeaker() {
        return activeSpeaker;
    }

    public boolean isClosed() {
        return closed;
    }

    void addPeer(Peer peer) {
        peers.put(peer.id(), peer);
    }

    void addTrack(Peer owner, PublishedTrack track) {
        tracks.add(track);
        trackOwners.put(track.id(), owner.participant());
        listeners.forEach(l -> l.onTrackPublished(this, track));
    }

    /** A track whose publisher goes on without it (an RTP leg that changed codec) leaves the room. */
    void removeTrack(PublishedTrack track) {
        if (tracks.remove(track)) {
            trackOwners.remove(track.id());
            listeners.forEach(l -> l.onTrackUnpublished(this, track));
        }
    }

    void dtmf(Peer peer, char digit) {
        if (!closed) {
            listeners.forEach(l -> l.onDtmf(this, peer, digit));
        }
    }

    void peerClosed(Peer peer, String reason) {
        if (peers.remove(peer.id()) == null) {
            return;
        }
        for (PublishedTrack track : List.copyOf(tracks)) {
            if (track.isClosed()) {
                tracks.remove(track);
                trackOwners.remove(track.id());
                listeners.forEach(l -> l.onTrackUnpublished(this, track));
            }
        }
        listeners.forEach(l -> l.onPeerClosed(this, peer, reason));
        if (peers.isEmpty() && !closed) {
            close();
        }
    }

    /** Closes every peer and the room itself. */
    public void close() {
        loop.assertOnLoop();
        if (closed) {
            return;
        }
        closed = true;
        for (Peer peer : List.copyOf(peers.values())) {
            peer.close("the room closed");
        }
        peers.clear();
        tracks.clear();
        trackOwners.clear();
        listeners.forEach(l -> l.onRoomClosed(this));
        onEmpty.run();
    }

    private void speakerTick() {
        if (closed) {
            return;
        }
        long now = loop.nanoTime();
        Optional<String> loudest = tracks.stream()
                .filter(t -> t.kind() == MediaKind.AUDIO)
                .filter(t -> t.recentAudioLevel(now) < SPEECH_LEVEL)
                .min(java.util.Comparator.comparingInt(t -> t.recentAudioLevel(now)))
                .map(t -> trackOwners.get(t.id()));
        if (!loudest.equals(activeSpeaker) && (loudest.isPresent() || activeSpeaker.isPresent())) {
            activeSpeaker = loudest;
            listeners.forEach(l -> l.onActiveSpeaker(this, loudest));
        }
        loop.schedule(SPEAKER_INTERVAL_NANOS, this::speakerTick);
    }
}
