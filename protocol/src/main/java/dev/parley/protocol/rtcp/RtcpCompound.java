package dev.parley.protocol.rtcp;

import dev.parley.protocol.Malformed;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Splits a compound packet and dispatches each packet to its record's parser. */
final class RtcpCompound {

    /** Common header size. */
    static final int HEADER = 4;

    private RtcpCompound() {
    }

    static Optional<List<RtcpPacket>> parse(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return refuse();
        }
        var packets = new ArrayList<RtcpPacket>();
        int end = off + len;
        for (int pos = off; pos < end; ) {
            int length = RtcpHeaders.measure(b, pos, end - pos);
            if (length < 0) {
                return refuse();
            }
            int bodyEnd = pos + length - RtcpHeaders.paddingLength(b, pos, length);
            Optional<? extends RtcpPacket> packet =
                    parseOne(RtcpHeaders.countOrFormat(b, pos), RtcpHeaders.packetType(b, pos), b, pos + HEADER, bodyEnd);
            if (packet.isEmpty()) {
                return refuse();
            }
            packets.add(packet.get());
            pos += length;
        }
        return Optional.of(List.copyOf(packets));
    }

    private static Optional<List<RtcpPacket>> refuse() {
        Malformed.count(Malformed.Kind.RTCP);
        return Optional.empty();
    }

    /** The packet whose body (after the common header, before any padding) is {@code b[from, to)}. */
    private static Optional<? extends RtcpPacket> parseOne(int count, int type, byte[] b, int from, int to) {
        return switch (type) {
            case RtcpPacket.SENDER_REPORT -> SenderReport.parseBody(count, b, from, to);
            case RtcpPacket.RECEIVER_REPORT -> ReceiverReport.parseBody(count, b, from, to);
            case RtcpPacket.SOURCE_DESCRIPTION -> SourceDescription.parseBody(count, b, from, to);
            case RtcpPacket.BYE -> Bye.parseBody(count, b, from, to);
            case RtcpPacket.RTPFB -> switch (count) {
                case Nack.FMT -> Nack.parseBody(b, from, to);
                case TransportCc.FMT -> TransportCc.parseBody(b, from, to);
                default -> Unknown.parseBody(count, type, b, from, to);
            };
            case RtcpPacket.PSFB -> switch (count) {
                case PictureLossIndication.FMT -> PictureLossIndication.parseBody(b, from, to);
                case FullIntraRequest.FMT -> FullIntraRequest.parseBody(b, from, to);
                case Remb.FMT -> Remb.isRemb(b, from, to)
                        ? Remb.parseBody(b, from, to)
                        : Unknown.parseBody(count, type, b, from, to);
                default -> Unknown.parseBody(count, type, b, from, to);
            };
            default -> Unknown.parseBody(count, type, b, from, to);
        };
    }
}
