package dev.parley.protocol.container;

import java.util.Objects;

/**
 * One TrackEntry (RFC 9559 §5.1.4.1): what Parley records is either audio (Opus, G.711 as
 * A_MS/ACM) or video (VP8, H.264), so the entry carries just those fields.
 *
 * @param number       the TrackNumber blocks refer to, 1..126 (one vint byte in a block)
 * @param uid          TrackUID, non-zero
 * @param codecId      e.g. {@code A_OPUS}, {@code V_VP8}, {@code V_MPEG4/ISO/AVC}, {@code A_MS/ACM}
 * @param codecPrivate CodecPrivate bytes, empty for none
 * @param codecDelayNanos  CodecDelay, 0 to leave it out
 * @param seekPreRollNanos SeekPreRoll, 0 to leave it out (WebM wants 80 ms for Opus)
 * @param width        video PixelWidth (0 for audio)
 * @param height       video PixelHeight (0 for audio)
 * @param samplingRate audio SamplingFrequency (0 for video)
 * @param channels     audio Channels (0 for video)
 * @param bitDepth     audio BitDepth, 0 to leave it out
 */
public record MatroskaTrack(int number, long uid, Kind kind, String codecId, byte[] codecPrivate,
                            long codecDelayNanos, long seekPreRollNanos, int width, int height,
                            double samplingRate, int channels, int bitDepth) {

    /** TrackType values. */
    public enum Kind {
        VIDEO(1), AUDIO(2);

        final int type;

        Kind(int type) {
            this.type = type;
        }
    }

    public MatroskaTrack {
        if (number < 1 || number > 126) {
            throw new IllegalArgumentException("track number " + number + " is not 1..126");
        }
        if (uid == 0) {
            throw new IllegalArgumentException("TrackUID must not be 0");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(codecId, "codecId");
        codecPrivate = codecPrivate.clone();
    }

    public static MatroskaTrack audio(int number, long uid, String codecId, byte[] codecPrivate, double samplingRate,
                                      int channels, int bitDepth, long codecDelayNanos, long seekPreRollNanos) {
        return new MatroskaTrack(number, uid, Kind.AUDIO, codecId, codecPrivate, codecDelayNanos, seekPreRollNanos,
                0, 0, samplingRate, channels, bitDepth);
    }

    public static MatroskaTrack video(int number, long uid, String codecId, byte[] codecPrivate, int width, int height) {
        return new MatroskaTrack(number, uid, Kind.VIDEO, codecId, codecPrivate, 0, 0, width, height, 0, 0, 0);
    }

    @Override
    public byte[] codecPrivate() {
        return codecPrivate.clone();
    }

    /** Appends this TrackEntry to {@code w}. */
    public void writeTo(EbmlWriter w) {
        int entry = w.start(MatroskaIds.TRACK_ENTRY);
        w.uint(MatroskaIds.TRACK_NUMBER, number);
        w.uint(MatroskaIds.TRACK_UID, uid);
        w.uint(MatroskaIds.TRACK_TYPE, kind.type);
        w.uint(MatroskaIds.FLAG_LACING, 0);
        w.string(MatroskaIds.CODEC_ID, codecId);
        if (codecPrivate.length > 0) {
            w.bytes(MatroskaIds.CODEC_PRIVATE, codecPrivate);
        }
        if (codecDelayNanos > 0) {
            w.uint(MatroskaIds.CODEC_DELAY, codecDelayNanos);
        }
        if (seekPreRollNanos > 0) {
            w.uint(MatroskaIds.SEEK_PRE_ROLL, seekPreRollNanos);
        }
        if (kind == Kind.VIDEO) {
            int video = w.start(MatroskaIds.VIDEO);
            w.uint(MatroskaIds.PIXEL_WIDTH, width);
            w.uint(MatroskaIds.PIXEL_HEIGHT, height);
            w.end(video);
        } else {
            int audio = w.start(MatroskaIds.AUDIO);
            w.float64(MatroskaIds.SAMPLING_FREQUENCY, samplingRate);
            w.uint(MatroskaIds.CHANNELS, channels);
            if (bitDepth > 0) {
                w.uint(MatroskaIds.BIT_DEPTH, bitDepth);
            }
            w.end(audio);
        }
        w.end(entry);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatroskaTrack t && number == t.number && uid == t.uid && kind == t.kind
                && codecId.equals(t.codecId) && java.util.Arrays.equals(codecPrivate, t.codecPrivate)
                && codecDelayNanos == t.codecDelayNanos && seekPreRollNanos == t.seekPreRollNanos
                && width == t.width && height == t.height && samplingRate == t.samplingRate
                && channels == t.channels && bitDepth == t.bitDepth;
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, uid, kind, codecId, java.util.Arrays.hashCode(codecPrivate), width, height);
    }

    @Override
    public String toString() {
        return "MatroskaTrack[" + number + " " + kind + " " + codecId + "]";
    }
}
