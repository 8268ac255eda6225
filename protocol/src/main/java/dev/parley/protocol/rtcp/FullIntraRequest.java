package dev.parley.protocol.rtcp;

import dev.parley.protocol.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Full intra request, RFC 5104 §4.3.1 (PSFB, FMT 4). The header's media source SSRC is 0
 * (§4.3.1.2); the sources asked for a decoder refresh are in the FCI entries, each with a
 * command sequence number that the requester increments per new request.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P| FMT=4   |   PT=PSFB     |          length               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of packet sender                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of media source (0)                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              SSRC                             |  (one or more entries)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Seq nr.       |    Reserved (0)                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record FullIntraRequest(long senderSsrc, long mediaSsrc, List<Entry> entries) implements RtcpPacket {

    public static final int FMT = 4;
    static final int ENTRY_LENGTH = 8;

    public FullIntraRequest {
        Bytes.requireU32("sender ssrc", senderSsrc);
        Bytes.requireU32("media ssrc", mediaSsrc);
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a FIR has at least one entry");
        }
        Wire.checkPacketLength(12 + ENTRY_LENGTH * entries.size());
    }

    /** A FIR from {@code senderSsrc} for one source, media SSRC 0 as §4.3.1.2 asks. */
    public static FullIntraRequest of(long senderSsrc, long ssrc, int sequenceNumber) {
        return new FullIntraRequest(senderSsrc, 0, List.of(new Entry(ssrc, sequenceNumber)));
    }

    /** One source to refresh and the command sequence number, 0..255. */
    public record Entry(long ssrc, int sequenceNumber) {
        public Entry {
            Bytes.requireU32("ssrc", ssrc);
            Bytes.requireRange("FIR sequence number", sequenceNumber, 0, 255);
        }
    }

    static Optional<FullIntraRequest> parseBody(byte[] b, int from, int to) {
        int fci = to - from - 8;
        if (fci < ENTRY_LENGTH || fci % ENTRY_LENGTH != 0) {
            return Optional.empty();
        }
        var entries = new ArrayList<Entry>(fci / ENTRY_LENGTH);
        for (int pos = from + 8; pos < to; pos += ENTRY_LENGTH) {
            entries.add(new Entry(Bytes.u32(b, pos), b[pos + 4] & 0xff));
        }
        return Optional.of(new FullIntraRequest(Bytes.u32(b, from), Bytes.u32(b, from + 4), entries));
    }

    @Override
    public int packetType() {
        return PSFB;
    }

    @Override
    public int encodedLength() {
        return RtcpCompound.HEADER + 8 + ENTRY_LENGTH * entries.size();
    }

    @Override
    public int writeTo(byte[] buf, int off) {
        int length = encodedLength();
        Wire.header(buf, off, FMT, PSFB, length);
        Bytes.put32(buf, off + 4, senderSsrc);
        Bytes.put32(buf, off + 8, mediaSsrc);
        int pos = off + 12;
        for (Entry entry : entries) {
            Bytes.put32(buf, pos, entry.ssrc());
            Bytes.put32(buf, pos + 4, (long) entry.sequenceNumber() << 24);
            pos += ENTRY_LENGTH;
        }
        return length;
    }
}
