package dev.parley.protocol.rtcp;

import dev.parley.protocol.Bytes;

/**
 * A reception report block of an SR or RR, RFC 3550 §6.4.1.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                 SSRC_1 (SSRC of first source)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | fraction lost |       cumulative number of packets lost       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           extended highest sequence number received           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      interarrival jitter                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         last SR (LSR)                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   delay since last SR (DLSR)                  |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 *
 * @param ssrc                    the source reported on
 * @param fractionLost            0..255, lost fraction since the last report in 1/256
 * @param cumulativeLost          24-bit signed (duplicates can make it negative), -2^23..2^23-1
 * @param extendedHighestSequence cycles in the high 16 bits, highest sequence number in the low 16
 * @param jitter                  interarrival jitter in RTP timestamp units
 * @param lastSenderReport        LSR: the middle 32 bits ({@link NtpTime#compact}) of the last SR's
 *                                NTP timestamp, 0 if none
 * @param delaySinceLastSenderReport DLSR in 1/65536 s, 0 if no SR yet
 */
public record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long extendedHighestSequence, long jitter,
        long lastSenderReport, long delaySinceLastSenderReport) {

    public static final int LENGTH = 24;

    public ReportBlock {
        Bytes.requireU32("ssrc", ssrc);
        Bytes.requireRange("fraction lost", fractionLost, 0, 255);
        Bytes.requireRange("cumulative lost", cumulativeLost, -(1 << 23), (1 << 23) - 1);
        Bytes.requireU32("extended highest sequence number", extendedHighestSequence);
        Bytes.requireU32("jitter", jitter);
        Bytes.requireU32("LSR", lastSenderReport);
        Bytes.requireU32("DLSR", delaySinceLastSenderReport);
    }

    /** Reads the block at {@code off}; the caller has checked that 24 bytes are there. */
    static ReportBlock read(byte[] b, int off) {
        // Shift the 24-bit field to the top of an int and back to sign-extend it.
        int cumulativeLost = Bytes.u24(b, off + 5) << 8 >> 8;
        return new ReportBlock(Bytes.u32(b, off), b[off + 4] & 0xff, cumulativeLost, Bytes.u32(b, off + 8),
                Bytes.u32(b, off + 12), Bytes.u32(b, off + 16), Bytes.u32(b, off + 20));
    }

    int writeTo(byte[] b, int off) {
        Bytes.put32(b, off, ssrc);
        b[off + 4] = (byte) fractionLost;
        Bytes.put24(b, off + 5, cumulativeLost & 0xffffff);
        Bytes.put32(b, off + 8, extendedHighestSequence);
        Bytes.put32(b, off + 12, jitter);
        Bytes.put32(b, off + 16, lastSenderReport);
        Bytes.put32(b, off + 20, delaySinceLastSenderReport);
        return LENGTH;
    }
}
