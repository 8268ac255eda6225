package dev.parley.protocol.rtcp;

import dev.parley.protocol.Bytes;

import java.util.List;
import java.util.Optional;

/**
 * Receiver report, RFC 3550 §6.4.2 (PT 201): the reporter's SSRC and up to 31 report blocks.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|    RC   |   PT=RR=201   |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     SSRC of packet sender                     |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                report blocks (24 bytes each), RC of them      |
 * </pre>
 *
 * <p>Profile-specific extension bytes after the report blocks are accepted and dropped.
 */
public record ReceiverReport(long ssrc, List<ReportBlock> reports) implements RtcpPacket {

    public ReceiverReport {
        Bytes.requireU32("ssrc", ssrc);
        reports = List.copyOf(reports);
        Bytes.requireRange("report count", reports.size(), 0, 31);
    }

    static Optional<ReceiverReport> parseBody(int count, byte[] b, int from, int to) {
        if (to - from < 4 + count * ReportBlock.LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new ReceiverReport(Bytes.u32(b, from), SenderReport.readBlocks(count, b, from + 4)));
    }

    @Override
    public int packetType() {
        return RECEIVER_REPORT;
    }

    @Override
    public int encodedLength() {
        return RtcpCompound.HEADER + 4 + reports.size() * ReportBlock.LENGTH;
    }

    @Override
    public int writeTo(byte[] buf, int off) {
        int length = encodedLength();
        Wire.header(buf, off, reports.size(), RECEIVER_REPORT, length);
        Bytes.put32(buf, off + 4, ssrc);
        int pos = off + 8;
        for (ReportBlock block : reports) {
            pos += block.writeTo(buf, pos);
        }
        return length;
    }
}
