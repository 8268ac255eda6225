package dev.parley.protocol.rtcp;

import dev.parley.protocol.Bytes;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Any RTCP packet this package does not model (APP, XR, other feedback formats, future
 * types), kept so that a compound survives a parse and re-encode: the packet type, the 5-bit
 * count/format field and the body after the common header, without padding. A body that is
 * not whole 32-bit words is padded again on encode, with the P bit.
 *
 * @param count the RC/SC/FMT field, 0..31
 * @param body  everything after the 4-byte common header, padding removed
 */
public record Unknown(int packetType, int count, byte[] body) implements RtcpPacket {

    public Unknown {
        Bytes.requireRange("packet type", packetType, 0, 255);
        Bytes.requireRange("count", count, 0, 31);
        Wire.checkPacketLength(Wire.padded(RtcpCompound.HEADER + body.length));
        body = body.clone();
    }

    static Optional<Unknown> parseBody(int count, int packetType, byte[] b, int from, int to) {
        return Optional.of(new Unknown(packetType, count, Arrays.copyOfRange(b, from, to)));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public int encodedLength() {
        return Wire.padded(RtcpCompound.HEADER + body.length);
    }

    @Override
    public int writeTo(byte[] buf, int off) {
        int length = encodedLength();
        Wire.header(buf, off, count, packetType, length);
        System.arraycopy(body, 0, buf, off + RtcpCompound.HEADER, body.length);
        Wire.pad(buf, off, off + RtcpCompound.HEADER + body.length);
        return length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Unknown other && packetType == other.packetType && count == other.count
                && Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return (packetType * 31 + count) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "Unknown[packetType=" + packetType + ", count=" + count + ", body="
                + HexFormat.of().formatHex(body) + "]";
    }
}
