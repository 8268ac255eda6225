package dev.parley.protocol.rtcp;

import dev.parley.protocol.Malformed;
import java.util.List;
import java.util.Optional;

/**
 * One RTCP packet of a compound packet (RFC 3550 §6; feedback RFC 4585 §6, RFC 5104 §4.3).
 * Every packet starts with the common header:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P| RC/FMT  |      PT       |   length (32-bit words - 1)   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Types the SFU acts on are records; anything else (APP, XR, unknown feedback formats)
 * is kept as {@link Unknown}, so a compound can be re-encoded without losing packets.
 * Padding (the P bit) is removed on parse and not reproduced, except by {@link Unknown}
 * whose body is not a whole number of words.
 */
public sealed interface RtcpPacket permits SenderReport, ReceiverReport, SourceDescription, Bye, Nack,
        PictureLossIndication, FullIntraRequest, Remb, TransportCc, Unknown {

    int SENDER_REPORT = 200;
    int RECEIVER_REPORT = 201;
    int SOURCE_DESCRIPTION = 202;
    int BYE = 203;
    int APP = 204;
    /** Transport layer feedback, RFC 4585 §6.2. */
    int RTPFB = 205;
    /** Payload-specific feedback, RFC 4585 §6.3. */
    int PSFB = 206;
    int EXTENDED_REPORT = 207;

    /** The PT field. */
    int packetType();

    /** Bytes this packet takes on the wire, header included. */
    int encodedLength();

    /** Writes the packet at {@code off}; returns the bytes written ({@link #encodedLength()}). */
    int writeTo(byte[] buf, int off);

    default byte[] encode() {
        byte[] out = new byte[encodedLength()];
        writeTo(out, 0);
        return out;
    }

    /**
     * Parses a compound packet: one or more RTCP packets back to back filling exactly
     * {@code len} bytes. The whole compound is refused (empty, counting
     * {@link Malformed.Kind#RTCP}) when any packet has a version other than 2, a length or
     * padding running past the end, or a known type whose body does not parse; a packet of an
     * unknown type is kept as {@link Unknown}. A lone feedback packet is accepted
     * (reduced-size RTCP, RFC 5506).
     */
    static Optional<List<RtcpPacket>> parseCompound(byte[] buf, int off, int len) {
        return RtcpCompound.parse(buf, off, len);
    }

    static Optional<List<RtcpPacket>> parseCompound(byte[] buf) {
        return parseCompound(buf, 0, buf.length);
    }

    /** Bytes {@link #writeCompound} writes for {@code packets}. */
    static int compoundLength(List<? extends RtcpPacket> packets) {
        int length = 0;
        for (RtcpPacket packet : packets) {
            length += packet.encodedLength();
        }
        return length;
    }

    /** Writes {@code packets} back to back at {@code off}; returns the bytes written. */
    static int writeCompound(List<? extends RtcpPacket> packets, byte[] buf, int off) {
        int pos = off;
        for (RtcpPacket packet : packets) {
            pos += packet.writeTo(buf, pos);
        }
        return pos - off;
    }

    static byte[] encodeCompound(List<? extends RtcpPacket> packets) {
        byte[] out = new byte[compoundLength(packets)];
        writeCompound(packets, out, 0);
        return out;
    }
}
