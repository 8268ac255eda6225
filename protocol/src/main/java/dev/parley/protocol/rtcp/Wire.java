package dev.parley.protocol.rtcp;

import dev.parley.protocol.Bytes;
import java.util.Arrays;
import java.util.List;

/** RTCP-specific wire helpers: the common header, padding, SSRC lists (byte order: {@link Bytes}). */
final class Wire {

    private Wire() {
    }

    /** Largest RTCP packet: the length field counts 32-bit words minus one in 16 bits. */
    static final int MAX_PACKET_LENGTH = 4 * 0x10000;

    /**
     * Writes the common header (RFC 3550 §6.4.1) of a packet of {@code length} bytes, a multiple
     * of 4, with the P bit clear.
     */
    static void header(byte[] b, int off, int count, int packetType, int length) {
        b[off] = (byte) (0x80 | count);
        b[off + 1] = (byte) packetType;
        Bytes.put16(b, off + 2, length / 4 - 1);
    }

    static void checkPacketLength(int length) {
        if (length > MAX_PACKET_LENGTH) {
            throw new IllegalArgumentException("RTCP packet too long: " + length + " bytes");
        }
    }

    static List<Long> requireSsrcs(String name, List<Long> ssrcs, int max) {
        ssrcs = List.copyOf(ssrcs);
        Bytes.requireRange(name + " count", ssrcs.size(), 0, max);
        ssrcs.forEach(ssrc -> Bytes.requireU32(name, ssrc));
        return ssrcs;
    }

    /** {@code unpadded} rounded up to whole 32-bit words. */
    static int padded(int unpadded) {
        return (unpadded + 3) & ~3;
    }

    /**
     * Pads a packet written at {@code off} whose content ends at {@code end} to whole words the
     * RFC 3550 way: when padding is needed, sets the P bit and ends with the padding count.
     */
    static void pad(byte[] b, int off, int end) {
        int padding = padded(end - off) - (end - off);
        if (padding > 0) {
            b[off] |= 0x20;
            Arrays.fill(b, end, end + padding - 1, (byte) 0);
            b[end + padding - 1] = (byte) padding;
        }
    }
}
