package dev.parley.protocol.rtcp;

import dev.parley.protocol.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sender report, RFC 3550 §6.4.1 (PT 200).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|    RC   |   PT=SR=200   |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         SSRC of sender                        |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |              NTP timestamp, most significant word             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             NTP timestamp, least significant word             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         RTP timestamp                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     sender's packet count                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      sender's octet count                     |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                report blocks (24 bytes each), RC of them      |
 * </pre>
 *
 * <p>Profile-specific extension bytes after the report blocks are accepted and dropped.
 *
 * @param ntpTimestamp the full 64-bit NTP timestamp, as an unsigned bit pattern ({@link NtpTime})
 */
public record SenderReport(long ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount,
        List<ReportBlock> reports) implements RtcpPacket {

    private static final int SENDER_INFO = 24;

    public SenderReport {
        Bytes.requireU32("ssrc", ssrc);
        Bytes.requireU32("RTP timestamp", rtpTimestamp);
        Bytes.requireU32("packet count", packetCount);
        Bytes.requireU32("octet count", octetCount);
        reports = List.copyOf(reports);
        Bytes.requireRange("report count", reports.size(), 0, 31);
    }

    static Optional<SenderReport> parseBody(int count, byte[] b, int from, int to) {
        if (to - from < SENDER_INFO + count * ReportBlock.LENGTH) {
            return Optional.empty();
        }
        long ntp = Bytes.u32(b, from + 4) << 32 | Bytes.u32(b, from + 8);
        return Optional.of(new SenderReport(Bytes.u32(b, from), ntp, Bytes.u32(b, from + 12), Bytes.u32(b, from + 16),
                Bytes.u32(b, from + 20), readBlocks(count, b, from + SENDER_INFO)));
    }

    static List<ReportBlock> readBlocks(int count, byte[] b, int off) {
        var blocks = new ArrayList<ReportBlock>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(ReportBlock.read(b, off + i * ReportBlock.LENGTH));
        }
        return blocks;
    }

    @Override
    public int packetType() {
        return SENDER_REPORT;
    }

    @Override
    public int encodedLength() {
        return RtcpCompound.HEADER + SENDER_INFO + reports.size() * ReportBlock.LENGTH;
    }

    @Override
    public int writeTo(byte[] buf, int off) {
        int length = encodedLength();
        Wire.header(buf, off, reports.size(), SENDER_REPORT, length);
        Bytes.put32(buf, off + 4, ssrc);
        Bytes.put32(buf, off + 8, ntpTimestamp >>> 32);
        Bytes.put32(buf, off + 12, ntpTimestamp);
        Bytes.put32(buf, off + 16, rtpTimestamp);
        Bytes.put32(buf, off + 20, packetCount);
        Bytes.put32(buf, off + 24, octetCount);
        int pos = off + 28;
        for (ReportBlock block : reports) {
            pos += block.writeTo(buf, pos);
        }
        return length;
    }
}
