package dev.parley.protocol.container;

/**
 * EBML variable-size integers (RFC 8794 §4): the element IDs and data sizes of Matroska.
 *
 * <pre>
 *  width 1: 1xxx xxxx                      values 0 .. 2^7 - 2
 *  width 2: 01xx xxxx xxxx xxxx            values 0 .. 2^14 - 2
 *  ...
 *  width 8: 0000 0001 then 7 bytes         values 0 .. 2^56 - 2
 * </pre>
 *
 * A size whose value bits are all ones means "unknown size" (§6.2): the element runs until an
 * element that cannot be its child. Parley writes the Segment that way while recording, so a
 * file is valid however far it got. IDs keep their marker bits as part of the number
 * (0x1A45DFA3 is the EBML header), so they are written as they are.
 */
public final class Ebml {

    /** The 8-byte unknown size, 0x01FFFFFFFFFFFFFF. */
    public static final long UNKNOWN_SIZE_8 = 0x01FF_FFFF_FFFF_FFFFL;
    /** A size that is not in the buffer (bad marker, or past the end). */
    public static final long INVALID = -2;
    /** A size with all value bits set: unknown. */
    public static final long UNKNOWN = -1;

    private Ebml() {
    }

    /** The fewest bytes that hold {@code size} as a data size (all-ones is reserved for unknown). */
    public static int sizeWidth(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        for (int width = 1; width <= 8; width++) {
            if (size < (1L << (7 * width)) - 1) {
                return width;
            }
        }
        throw new IllegalArgumentException("size too large for EBML: " + size);
    }

    /** The bytes of an element ID: 1 to 4, read from its marker bits. */
    public static int idWidth(long id) {
        if (id >= 0x1000_0000L) {
            return 4;
        }
        if (id >= 0x20_0000L) {
            return 3;
        }
        return id >= 0x4000 ? 2 : 1;
    }

    /** Writes {@code size} as a vint of exactly {@code width} bytes at {@code off}. */
    public static void putSize(byte[] b, int off, long size, int width) {
        if (width < 1 || width > 8 || size < 0 || size >= (1L << (7 * width)) - 1) {
            throw new IllegalArgumentException("size " + size + " does not fit " + width + " bytes");
        }
        long value = size | 1L << (7 * width);
        for (int i = width - 1; i >= 0; i--) {
            b[off + i] = (byte) value;
            value >>>= 8;
        }
    }

    /** The width of the vint starting with {@code first}, or 0 when the byte is not a valid start. */
    public static int vintWidth(int first) {
        int b = first & 0xff;
        return b == 0 ? 0 : Integer.numberOfLeadingZeros(b) - 23;
    }

    /**
     * Reads a data size at {@code off}: the value, {@link #UNKNOWN}, or {@link #INVALID} when
     * it does not fit in {@code [off, end)}. Its width is {@link #vintWidth} of the first byte.
     */
    public static long readSize(byte[] b, int off, int end) {
        if (off >= end) {
            return INVALID;
        }
        int width = vintWidth(b[off]);
        if (width == 0 || off + width > end) {
            return INVALID;
        }
        long value = b[off] & (0xff >> width);
        boolean allOnes = value == (0xff >> width);
        for (int i = 1; i < width; i++) {
            int next = b[off + i] & 0xff;
            allOnes &= next == 0xff;
            value = value << 8 | next;
        }
        return allOnes ? UNKNOWN : value;
    }

    /** Reads an element ID at {@code off} (marker bits kept), or {@link #INVALID}. */
    public static long readId(byte[] b, int off, int end) {
        if (off >= end) {
            return INVALID;
        }
        int width = vintWidth(b[off]);
        if (width == 0 || width > 4 || off + width > end) {
            return INVALID;
        }
        long id = 0;
        for (int i = 0; i < width; i++) {
            id = id << 8 | (b[off + i] & 0xff);
        }
        return id;
    }
}
