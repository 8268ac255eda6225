package dev.parley.protocol.rtcp;

import dev.parley.protocol.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Generic NACK, RFC 4585 §6.2.1 (RTPFB, FMT 1): the media sender's lost packets, as PID/BLP
 * pairs. PID is a lost sequence number; bit i of BLP (least significant first) reports
 * PID + i + 1 lost as well.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P| FMT=1   |   PT=RTPFB    |          length               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of packet sender                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of media source                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            PID                |             BLP               |  (one or more)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The record holds the expanded list. Parsing lists each pair's PID, then its BLP bits in
 * order. Encoding walks the list in order: a number 1..16 after the current pair's PID (modulo
 * 2^16) sets a BLP bit, any other starts a new pair. So a list in ascending RTP order, without
 * duplicates, round-trips exactly and packs into the fewest pairs.
 *
 * @param lostSequenceNumbers one or more sequence numbers, each 0..65535
 */
public record Nack(long senderSsrc, long mediaSsrc, List<Integer> lostSequenceNumbers) implements RtcpPacket {

    public static final int FMT = 1;

    public Nack {
        Bytes.requireU32("sender ssrc", senderSsrc);
        Bytes.requireU32("media ssrc", mediaSsrc);
        lostSequenceNumbers = List.copyOf(lostSequenceNumbers);
        if (lostSequenceNumbers.isEmpty()) {
            throw new IllegalArgumentException("a NACK reports at least one sequence number");
        }
        lostSequenceNumbers.forEach(seq -> Bytes.requireRange("sequence number", seq, 0, 0xffff));
        Wire.checkPacketLength(12 + 4 * pairCount(lostSequenceNumbers));
    }

    static Optional<Nack> parseBody(byte[] b, int from, int to) {
        int fci = to - from - 8;
        if (fci < 4 || fci % 4 != 0) {
            return Optional.empty();
        }
        var lost = new ArrayList<Integer>();
        for (int pos = from + 8; pos < to; pos += 4) {
            int pid = Bytes.u16(b, pos);
            int blp = Bytes.u16(b, pos + 2);
            lost.add(pid);
            for (int bit = 0; bit < 16; bit++) {
                if ((blp & 1 << bit) != 0) {
                    lost.add((pid + bit + 1) & 0xffff);
                }
            }
        }
        return Optional.of(new Nack(Bytes.u32(b, from), Bytes.u32(b, from + 4), lost));
    }

    /** Number of PID/BLP pairs encoding takes. */
    public int pairCount() {
        return pairCount(lostSequenceNumbers);
    }

    private static int pairCount(List<Integer> lost) {
        int pairs = 0;
        for (int i = 0; i < lost.size(); i = endOfPair(lost, i)) {
            pairs++;
        }
        return pairs;
    }

    /** Index after the last number that shares a pair with the one at {@code start}. */
    private static int endOfPair(List<Integer> lost, int start) {
        int pid = lost.get(start);
        int i = start + 1;
        while (i < lost.size() && inBitmask(pid, lost.get(i))) {
            i++;
        }
        return i;
    }

    private static boolean inBitmask(int pid, int seq) {
        int distance = (seq - pid) & 0xffff;
        return distance >= 1 && distance <= 16;
    }

    @Override
    public int packetType() {
        return RTPFB;
    }

    @Override
    public int encodedLength() {
        return RtcpCompound.HEADER + 8 + 4 * pairCount();
    }

    @Override
    public int writeTo(byte[] buf, int off) {
        int length = encodedLength();
        Wire.header(buf, off, FMT, RTPFB, length);
        Bytes.put32(buf, off + 4, senderSsrc);
        Bytes.put32(buf, off + 8, mediaSsrc);
        int pos = off + 12;
        for (int start = 0; start < lostSequenceNumbers.size(); ) {
            int end = endOfPair(lostSequenceNumbers, start);
            int pid = lostSequenceNumbers.get(start);
            int blp = 0;
            for (int i = start + 1; i < end; i++) {
                blp |= 1 << ((lostSequenceNumbers.get(i) - pid - 1) & 0xffff);
            }
            Bytes.put16(buf, pos, pid);
            Bytes.put16(buf, pos + 2, blp);
            pos += 4;
            start = end;
        }
        return length;
    }
}
