package dev.parley.protocol.rtp;

import dev.parley.protocol.Bytes;

/**
 * The abs-send-time header extension (webrtc.org, used by REMB bandwidth estimation): the
 * send time as a 24-bit unsigned 6.18 fixed-point number of seconds, that is the middle 24
 * bits of the 64-bit NTP timestamp. It wraps every 64 seconds.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  ID   | len=2 |              absolute send time               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class AbsSendTime {

    public static final String URI = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    public static final int LENGTH = 3;
    private static final long UNITS_PER_SECOND = 1 << 18;

    private AbsSendTime() {
    }

    /** The 24-bit value at an element's data offset. */
    public static int read(byte[] b, int dataOffset) {
        return Bytes.u24(b, dataOffset);
    }

    /** Writes the low 24 bits of {@code value}. */
    public static void write(byte[] b, int dataOffset, int value) {
        Bytes.put24(b, dataOffset, value & 0xffffff);
    }

    /** The value for a 64-bit NTP timestamp: 6 bits of seconds and 18 bits of fraction. */
    public static int fromNtp(long ntp) {
        return (int) (ntp >>> 14) & 0xffffff;
    }

    /** The value for a time in microseconds on any clock (only the time modulo 64 s survives). */
    public static int fromMicros(long micros) {
        return (int) (Math.floorMod(micros, 64_000_000L) * UNITS_PER_SECOND / 1_000_000L) & 0xffffff;
    }

    /** The value in microseconds, 0 to just under 64 s. */
    public static long toMicros(int value) {
        return (value & 0xffffffL) * 1_000_000L / UNITS_PER_SECOND;
    }

    public static HeaderExtension toExtension(int id, int value) {
        byte[] data = new byte[LENGTH];
        write(data, 0, value);
        return new HeaderExtension(id, data);
    }
}
