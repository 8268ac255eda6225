package dev.parley.protocol.container;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds EBML elements (RFC 8794) in a growable byte array. Master elements are opened with
 * {@link #start} and closed with {@link #end}, which writes the size in as few bytes as it
 * needs, or with {@link #endFixed}, which keeps an 8-byte size field so that the size can be
 * patched in place later (Clusters, the Segment). Not thread-safe; reusable after {@link #reset}.
 */
public final class EbmlWriter {

    private static final int RESERVED = 8;

    private byte[] buf;
    private int size;

    public EbmlWriter(int initialCapacity) {
        this.buf = new byte[Math.max(16, initialCapacity)];
    }

    public EbmlWriter() {
        this(256);
    }

    public int size() {
        return size;
    }

    public byte[] buffer() {
        return buf;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    public void reset() {
        size = 0;
    }

    /** Opens a master element: its ID and an 8-byte size placeholder. Returns the mark for {@link #end}. */
    public int start(long id) {
        id(id);
        int mark = size;
        ensure(RESERVED);
        size += RESERVED;
        return mark;
    }

    /** Closes the master element opened at {@code mark}, its size in the fewest bytes. */
    public void end(int mark) {
        int contentStart = mark + RESERVED;
        long length = size - contentStart;
        int width = Ebml.sizeWidth(length);
        Ebml.putSize(buf, mark, length, width);
        if (width < RESERVED) {
            System.arraycopy(buf, contentStart, buf, mark + width, (int) length);
            size -= RESERVED - width;
        }
    }

    /** Closes the master element opened at {@code mark}, keeping the 8-byte size field. */
    public void endFixed(int mark) {
        Ebml.putSize(buf, mark, size - mark - RESERVED, RESERVED);
    }

    /** Writes an element header whose size is unknown (only the Segment and Clusters may be). */
    public void startUnknownSize(long id) {
        id(id);
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[size + i] = (byte) (Ebml.UNKNOWN_SIZE_8 >>> (56 - 8 * i));
        }
        size += 8;
    }

    public void id(long id) {
        int width = Ebml.idWidth(id);
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            buf[size++] = (byte) (id >>> (8 * i));
        }
    }

    /** An element header with a known data size. */
    public void header(long id, long dataSize) {
        id(id);
        int width = Ebml.sizeWidth(dataSize);
        ensure(width);
        Ebml.putSize(buf, size, dataSize, width);
        size += width;
    }

    /** An unsigned integer element, big-endian in the fewest bytes (at least one). */
    public void uint(long id, long value) {
        int bytes = value == 0 ? 1 : (71 - Long.numberOfLeadingZeros(value)) / 8;
        header(id, bytes);
        raw(value, bytes);
    }

    /** A signed integer element in two's complement, the fewest bytes. */
    public void sint(long id, long value) {
        int bytes = 1;
        while (bytes < 8 && (value < -(1L << (8 * bytes - 1)) || value >= 1L << (8 * bytes - 1))) {
            bytes++;
        }
        header(id, bytes);
        raw(value, bytes);
    }

    /** An 8-byte IEEE 754 float element. */
    public void float64(long id, double value) {
        header(id, 8);
        raw(Double.doubleToLongBits(value), 8);
    }

    /** A string or UTF-8 element. */
    public void string(long id, String value) {
        bytes(id, value.getBytes(StandardCharsets.UTF_8));
    }

    public void bytes(long id, byte[] value) {
        header(id, value.length);
        raw(value, 0, value.length);
    }

    /**
     * A Void element (0xEC) that takes exactly {@code total} bytes, header included, so that
     * space can be reserved and later overwritten. {@code total} must be at least 2.
     */
    public void voidElement(int total) {
        if (total < 2) {
            throw new IllegalArgumentException("a Void element takes at least 2 bytes, not " + total);
        }
        id(MatroskaIds.VOID);
        int width = total - 1 <= 127 ? 1 : total - 1 <= 16384 ? 2 : 4;
        int data = total - 1 - width;
        ensure(width + data);
        Ebml.putSize(buf, size, data, width);
        size += width;
        Arrays.fill(buf, size, size + data, (byte) 0);
        size += data;
    }

    /** {@code bytes} bytes of {@code value}, big-endian. */
    public void raw(long value, int bytes) {
        ensure(bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            buf[size++] = (byte) (value >>> (8 * i));
        }
    }

    public void raw(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    public void raw(byte value) {
        ensure(1);
        buf[size++] = value;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
