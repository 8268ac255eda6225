package dev.parley.media;

import dev.parley.media.sfu.PublishedTrack;

/** Events of a room, delivered on the media loop (never under a lock). */
public interface RoomListener {

    default void onTrackPublished(Room room, PublishedTrack track) {
    }

    default void onTrackUnpublished(Room room, PublishedTrack track) {
    }

    default void onPeerClosed(Room room, Peer peer, String reason) {
    }

    /** The loudest participant changed; empty when nobody speaks. */
    default void onActiveSpeaker(Room room, java.util.Optional<String> participant) {
    }
}
