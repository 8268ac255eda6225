package dev.parley.protocol.rtcp;

import dev.parley.protocol.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Receiver estimated maximum bitrate, draft-alvestrand-rmcat-remb-03 §2.2: an application
 * layer feedback message (PSFB, FMT 15) tagged "REMB". The bitrate is sent as an 18-bit
 * mantissa and a 6-bit exponent (bitrate = mantissa * 2^exp bits per second).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P| FMT=15  |   PT=206      |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of packet sender                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of media source (0)                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Unique identifier 'R' 'E' 'M' 'B'                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Num SSRC     | BR Exp    |  BR Mantissa                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   SSRC feedback (Num SSRC of them)                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Encoding rounds the bitrate down to what the mantissa can hold (18 significant bits),
 * so only such bitrates round-trip exactly; see {@link #representable(long)}. The media
 * source SSRC is written as 0 and ignored on receipt. Parsed bitrates too large for a
 * {@code long} saturate at {@link Long#MAX_VALUE}.
 *
 * @param bitrate bits per second, 0 or more
 * @param ssrcs   the media sources the estimate applies to, at most 255
 */
public record Remb(long senderSsrc, long bitrate, List<Long> ssrcs) implements RtcpPacket {

    public static final int FMT = 15;
    private static final int IDENTIFIER = 'R' << 24 | 'E' << 16 | 'M' << 8 | 'B';
    private static final int MANTISSA_MAX = (1 << 18) - 1;

    public Remb {
        Bytes.requireU32("sender ssrc", senderSsrc);
        if (bitrate < 0) {
            throw new IllegalArgumentException("bitrate must not be negative: " + bitrate);
        }
        ssrcs = Wire.requireSsrcs("ssrc", ssrcs, 255);
    }

    /** The bitrate as it arrives after encoding: rounded down to 18 significant bits. */
    public static long representable(long bitrate) {
        int exponent = exponentFor(bitrate);
        return (bitrate >>> exponent) << exponent;
    }

    private static int exponentFor(long bitrate) {
        return Math.max(0, 64 - Long.numberOfLeadingZeros(bitrate) - 18);
    }

    /** Whether the PSFB FMT 15 body at {@code from} is a REMB (as opposed to another application's message). */
    static boolean isRemb(byte[] b, int from, int to) {
        return to - from >= 12 && Bytes.u32(b, from + 8) == IDENTIFIER;
    }

    static Optional<Remb> parseBody(byte[] b, int from, int to) {
        if (to - from < 16) {
            return Optional.empty();
        }
        int count = b[from + 12] & 0xff;
        if (to - from < 16 + 4 * count) {
            return Optional.empty();
        }
        int exponent = (b[from + 13] & 0xff) >>> 2;
        long mantissa = Bytes.u24(b, from + 13) & MANTISSA_MAX;
        long bitrate = mantissa > Long.MAX_VALUE >>> exponent ? Long.MAX_VALUE : mantissa << exponent;
        var ssrcs = new ArrayList<Long>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(Bytes.u32(b, from + 16 + 4 * i));
        }
        return Optional.of(new Remb(Bytes.u32(b, from), bitrate, ssrcs));
    }

    @Override
    public int packetType() {
        return PSFB;
    }

    @Override
    public int encodedLength() {
        return RtcpCompound.HEADER + 16 + 4 * ssrcs.size();
    }

    @Override
    public int writeTo(byte[] buf, int off) {
        int length = encodedLength();
        Wire.header(buf, off, FMT, PSFB, length);
        Bytes.put32(buf, off + 4, senderSsrc);
        Bytes.put32(buf, off + 8, 0);
        Bytes.put32(buf, off + 12, IDENTIFIER);
        int exponent = exponentFor(bitrate);
        buf[off + 16] = (byte) ssrcs.size();
        Bytes.put24(buf, off + 17, exponent << 18 | (int) (bitrate >>> exponent));
        int pos = off + 20;
        for (long ssrc : ssrcs) {
            Bytes.put32(buf, pos, ssrc);
            pos += 4;
        }
        return length;
    }
}
