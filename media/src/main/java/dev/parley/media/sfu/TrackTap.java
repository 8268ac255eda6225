package dev.parley.media.sfu;

/**
 * Something that takes a published track's packets without being a forwarding leg: the RTP
 * bridge, which either passes them through to a phone or decodes them for its mix. Called on
 * the media loop, after the track's own bookkeeping, for audio and video payloads only (never
 * telephone-event); the buffer is reused after the call, so copy what you keep.
 */
public interface TrackTap {

    void onRtp(PublishedTrack track, byte[] b, int off, int len, int headerLength, long nowNanos);

    /**
     * The publisher's RTCP sender report for this track: its wall clock ({@code ntp}, RFC 3550
     * §4) was at {@code rtpTimestamp} when it sent it. The recorder syncs a participant's tracks
     * with these.
     */
    default void onSenderReport(PublishedTrack track, long ntp, long rtpTimestamp, long nowNanos) {
    }

    /** The track closed (its publisher left): no more packets will come. */
    default void onTrackClosed(PublishedTrack track) {
    }
}
