package dev.parley.protocol.rtcp;

import dev.parley.protocol.Bytes;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Transport-wide congestion control feedback, draft-holmer-rmcat-transport-wide-cc-extensions-01
 * §3.1 (RTPFB, FMT 15). The FCI (base sequence number, status count, reference time, packet
 * chunks and receive deltas) is kept raw for now; the bandwidth estimator will decode it.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  FMT=15 |    PT=205     |           length              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     SSRC of packet sender                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      SSRC of media source                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * :                    FCI (kept as bytes)                        :
 * </pre>
 *
 * <p>libwebrtc ends this packet at the last delta and pads it with the P bit; the padding is
 * removed on parse and added back on encode, so the FCI may be any length.
 *
 * @param fci the feedback control information, without padding
 */
public record TransportCc(long senderSsrc, long mediaSsrc, byte[] fci) implements RtcpPacket {

    public static final int FMT = 15;

    public TransportCc {
        Bytes.requireU32("sender ssrc", senderSsrc);
        Bytes.requireU32("media ssrc", mediaSsrc);
        Wire.checkPacketLength(Wire.padded(12 + fci.length));
        fci = fci.clone();
    }

    static Optional<TransportCc> parseBody(byte[] b, int from, int to) {
        if (to - from < 8) {
            return Optional.empty();
        }
        byte[] fci = Arrays.copyOfRange(b, from + 8, to);
        return Optional.of(new TransportCc(Bytes.u32(b, from), Bytes.u32(b, from + 4), fci));
    }

    @Override
    public byte[] fci() {
        return fci.clone();
    }

    @Override
    public int packetType() {
        return RTPFB;
    }

    @Override
    public int encodedLength() {
        return Wire.padded(RtcpCompound.HEADER + 8 + fci.length);
    }

    @Override
    public int writeTo(byte[] buf, int off) {
        int length = encodedLength();
        Wire.header(buf, off, FMT, RTPFB, length);
        Bytes.put32(buf, off + 4, senderSsrc);
        Bytes.put32(buf, off + 8, mediaSsrc);
        System.arraycopy(fci, 0, buf, off + 12, fci.length);
        Wire.pad(buf, off, off + 12 + fci.length);
        return length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransportCc other && senderSsrc == other.senderSsrc && mediaSsrc == other.mediaSsrc
                && Arrays.equals(fci, other.fci);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(senderSsrc) * 31 + Long.hashCode(mediaSsrc) * 17 + Arrays.hashCode(fci);
    }

    @Override
    public String toString() {
        return "TransportCc[senderSsrc=" + senderSsrc + ", mediaSsrc=" + mediaSsrc + ", fci="
                + HexFormat.of().formatHex(fci) + "]";
    }
}
