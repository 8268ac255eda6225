package dev.parley.protocol.rtp;

import java.util.function.Consumer;

/**
 * Puts video frames back together from their RTP packets, which must come in sequence order
 * (a reordering buffer sits in front). A frame with a lost packet is dropped and counted, and
 * the next frame handed out says so ({@link VideoFrame#afterLoss}). Malformed payloads are
 * counted, never thrown.
 */
public sealed interface VideoDepacketizer permits Vp8Depacketizer, H264Depacketizer {

    /** Takes one packet's payload; whole frames go to {@code out} (none, one, or two when a frame ended unmarked). */
    void push(int sequence, long timestamp, boolean marker, byte[] b, int off, int len, Consumer<VideoFrame> out);

    /** Frames handed out. */
    long framesOut();

    /** Frames dropped because a packet of them was lost or did not parse. */
    long framesDropped();

    /** Packets whose payload did not parse, or used a packetization Parley does not take. */
    long malformed();

    /** The depacketizer for {@code codec} (VP8 or H264), if there is one. */
    static java.util.Optional<VideoDepacketizer> forCodec(String codec) {
        return switch (codec.toUpperCase(java.util.Locale.ROOT)) {
            case "VP8" -> java.util.Optional.of(new Vp8Depacketizer());
            case "H264" -> java.util.Optional.of(new H264Depacketizer());
            default -> java.util.Optional.empty();
        };
    }
}
