package dev.parley.protocol.rtp;

import dev.parley.protocol.Bytes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Zero-allocation access to RFC 8285 header extension elements inside a raw RTP packet.
 *
 * <p>One-byte form (profile 0xBEDE, RFC 8285 §4.2): each element is a byte with a 4-bit ID
 * (1..14) and a 4-bit length minus one, then 1..16 data bytes. ID 15 ends processing.
 * Two-byte form (profile 0x100 in the top 12 bits and 4 "appbits", §4.3): an ID byte
 * (1..255), a length byte (0..255), then the data. In both, zero bytes between elements are
 * padding (§4.1).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       0xBE    |    0xDE       |           length=3            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  ID   | L=0   |     data      |  ID   |  L=1  |   data...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *       ...data   |    0 (pad)    |    0 (pad)    |  ID   | L=3   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          data                                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Lookups take the whole packet ({@code off}, {@code len}) and do their own bounds checks,
 * so they are safe on any bytes; they return -1 instead of counting, because a packet is
 * counted once, by {@link RtpHeaders#headerLength} or {@link RtpPacket#parse}.
 *
 * <p>{@link #locate} returns both place and size in one {@code long}: the absolute data
 * offset in the high 32 bits and the data length in the low 32 bits, or -1 when the element
 * is absent; {@link #dataOffset(long)} and {@link #dataLength(long)} unpack it.
 */
public final class HeaderExtensions {

    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    /** The two-byte profile with appbits 0; the low 4 bits may carry application bits. */
    public static final int TWO_BYTE_PROFILE = 0x1000;

    /** {@link #next} result: no more elements (end of block, or the one-byte reserved ID 15). */
    static final long END = -1;
    /** {@link #next} result: an element runs past the end of the block. */
    static final long BROKEN = -2;

    private HeaderExtensions() {
    }

    public static boolean isOneByte(int profile) {
        return profile == ONE_BYTE_PROFILE;
    }

    public static boolean isTwoByte(int profile) {
        return (profile & 0xfff0) == TWO_BYTE_PROFILE;
    }

    /** Absolute offset of the data of element {@code id}, or -1 when absent or the packet is malformed. */
    public static int findExtension(byte[] b, int off, int len, int id) {
        long located = locate(b, off, len, id);
        return located < 0 ? -1 : dataOffset(located);
    }

    /** Offset and length of element {@code id}'s data packed as described in the class comment, or -1. */
    public static long locate(byte[] b, int off, int len, int id) {
        int header = RtpHeaders.measure(b, off, len);
        if (header < 0 || !RtpHeaders.hasExtension(b, off)) {
            return -1;
        }
        int block = RtpHeaders.extensionBlockOffset(b, off);
        int profile = Bytes.u16(b, block);
        if (!isOneByte(profile) && !isTwoByte(profile)) {
            return -1;
        }
        boolean oneByte = isOneByte(profile);
        int end = off + header;
        int pos = block + 4;
        while (true) {
            long element = next(b, pos, end, oneByte);
            if (element < 0) {
                return -1;
            }
            if (id(element) == id) {
                return (long) offset(element) << 32 | length(element);
            }
            pos = offset(element) + length(element);
        }
    }

    public static int dataOffset(long located) {
        return (int) (located >>> 32);
    }

    public static int dataLength(long located) {
        return (int) located;
    }

    /**
     * Overwrites the data of element {@code id} in place with {@code value}, which must have the
     * element's current length. Returns false, changing nothing, when the element is absent or
     * its length differs.
     */
    public static boolean rewrite(byte[] b, int off, int len, int id, byte[] value) {
        long located = locate(b, off, len, id);
        if (located < 0 || dataLength(located) != value.length) {
            return false;
        }
        System.arraycopy(value, 0, b, dataOffset(located), value.length);
        return true;
    }

    /**
     * The element starting at or after {@code pos} (skipping padding) as {@code offset << 16 |
     * length << 8 | id}, or {@link #END} / {@link #BROKEN}. The next element starts at
     * {@code offset + length}.
     */
    static long next(byte[] b, int pos, int end, boolean oneByte) {
        while (pos < end && b[pos] == 0) {
            pos++;
        }
        if (pos >= end) {
            return END;
        }
        int id;
        int length;
        int data;
        if (oneByte) {
            id = (b[pos] & 0xf0) >>> 4;
            // 15 is reserved and ends processing (§4.2); ID 0 with a non-zero length is not
            // padding and not an element either, so it ends processing the same way.
            if (id == 15 || id == 0) {
                return END;
            }
            length = (b[pos] & 0x0f) + 1;
            data = pos + 1;
        } else {
            if (pos + 2 > end) {
                return BROKEN;
            }
            id = b[pos] & 0xff;
            length = b[pos + 1] & 0xff;
            data = pos + 2;
        }
        if (data + length > end) {
            return BROKEN;
        }
        return (long) data << 16 | (long) length << 8 | id;
    }

    static int offset(long element) {
        return (int) (element >>> 16);
    }

    static int length(long element) {
        return (int) (element >>> 8) & 0xff;
    }

    static int id(long element) {
        return (int) element & 0xff;
    }

    /** Every element between {@code from} and {@code to}, in order; empty when one overruns. */
    static Optional<List<HeaderExtension>> parseElements(byte[] b, int from, int to, boolean oneByte) {
        var elements = new ArrayList<HeaderExtension>();
        int pos = from;
        while (true) {
            long element = next(b, pos, to, oneByte);
            if (element == BROKEN) {
                return Optional.empty();
            }
            if (element == END) {
                return Optional.of(elements);
            }
            int data = offset(element);
            elements.add(new HeaderExtension(id(element),
                    Arrays.copyOfRange(b, data, data + length(element))));
            pos = data + length(element);
        }
    }
}
