package dev.parley.protocol.rtcp;

import java.util.Arrays;
import java.util.List;

/** Big-endian reads and writes on byte arrays, and the RTCP common header. */
final class Wire {

    private Wire() {
    }

    static int u8(byte[] b, int off) {
        return b[off] & 0xff;
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xff) << 8 | b[off + 1] & 0xff;
    }

    static int u24(byte[] b, int off) {
        return (b[off] & 0xff) << 16 | (b[off + 1] & 0xff) << 8 | b[off + 2] & 0xff;
    }

    static long u32(byte[] b, int off) {
        return ((long) (b[off] & 0xff) << 24) | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8
                | b[off + 3] & 0xff;
    }

    static void put16(byte[] b, int off, int value) {
        b[off] = (byte) (value >>> 8);
        b[off + 1] = (byte) value;
    }

    static void put24(byte[] b, int off, int value) {
        b[off] = (byte) (value >>> 16);
        b[off + 1] = (byte) (value >>> 8);
        b[off + 2] = (byte) value;
    }

    static void put32(byte[] b, int off, long value) {
        b[off] = (byte) (value >>> 24);
        b[off + 1] = (byte) (value >>> 16);
        b[off + 2] = (byte) (value >>> 8);
        b[off + 3] = (byte) value;
    }

    static long requireU32(String name, long value) {
        if (value < 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException(name + " must fit in 32 unsigned bits: " + value);
        }
        return value;
    }

    static int requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ": " + value);
        }
        return value;
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
        put16(b, off + 2, length / 4 - 1);
    }

    static void checkPacketLength(int length) {
        if (length > MAX_PACKET_LENGTH) {
            throw new IllegalArgumentException("RTCP packet too long: " + length + " bytes");
        }
    }

    static List<Long> requireSsrcs(String name, List<Long> ssrcs, int max) {
        ssrcs = List.copyOf(ssrcs);
        requireRange(name + " count", ssrcs.size(), 0, max);
        ssrcs.forEach(ssrc -> requireU32(name, ssrc));
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
