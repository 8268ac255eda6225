package dev.parley.protocol.rtp;

import dev.parley.protocol.Bytes;

/**
 * Client-to-mixer audio level, RFC 6464 §3: a voice activity flag and the level in -dBov,
 * 0 (loudest) to 127 (silence, or quieter than -127 dBov), in the first data byte.
 *
 * <pre>
 *  0                   1
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  ID   | len=0 |V| level       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The static methods read and write at an element's data offset (from
 * {@link HeaderExtensions#findExtension}) without allocating.
 *
 * @param voiceActivity the V flag: the sender believes the packet contains speech
 * @param level         0..127, in -dBov
 */
public record AudioLevel(boolean voiceActivity, int level) {

    public static final String URI = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    /** The level RFC 6464 uses for digital silence. */
    public static final int SILENCE = 127;

    public AudioLevel {
        Bytes.requireRange("audio level", level, 0, 127);
    }

    public static boolean voiceActivity(byte[] b, int dataOffset) {
        return (b[dataOffset] & 0x80) != 0;
    }

    public static int level(byte[] b, int dataOffset) {
        return b[dataOffset] & 0x7f;
    }

    public static AudioLevel read(byte[] b, int dataOffset) {
        return new AudioLevel(voiceActivity(b, dataOffset), level(b, dataOffset));
    }

    public static void write(byte[] b, int dataOffset, boolean voiceActivity, int level) {
        b[dataOffset] = (byte) ((voiceActivity ? 0x80 : 0) | level & 0x7f);
    }

    /** The one-byte element value. */
    public byte toByte() {
        return (byte) ((voiceActivity ? 0x80 : 0) | level);
    }

    public HeaderExtension toExtension(int id) {
        return new HeaderExtension(id, new byte[] {toByte()});
    }
}
