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

    /**
     * {@code peer} pressed a DTMF key (0-9, *, #, A-D), sent in band as RFC 4733 telephone-event
     * on its published audio; reported once per key press.
     */
    default void onDtmf(Room room, Peer peer, char digit) {
    }

    /** The room closed (its last peer left, or it was closed): no more events. */
    default void onRoomClosed(Room room) {
    }

    /** The loudest participant changed; empty when nobody speaks. */
    default void onActiveSpeaker(Room room, java.util.Optional<String> participant) {
    }
}
