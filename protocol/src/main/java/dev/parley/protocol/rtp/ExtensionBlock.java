package dev.parley.protocol.rtp;

import dev.parley.protocol.Bytes;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The header extension block of an RTP packet (RFC 3550 §5.3.1): absent, one of the two
 * RFC 8285 element forms, or an opaque block under some other profile, kept byte for byte.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      defined by profile       |     length (32-bit words)     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        header extension                       |
 * </pre>
 *
 * <p>Elements are written back to back and the block is zero-padded to a 32-bit boundary, so
 * padding that a sender placed between elements is not reproduced; the elements are.
 */
public sealed interface ExtensionBlock {

    /** No extension block: the X bit is clear. */
    ExtensionBlock NONE = new None();

    /** The elements, in packet order; empty for {@link None} and {@link Opaque}. */
    List<HeaderExtension> elements();

    /** Bytes this block takes in a packet, including its 4-byte header; 0 for {@link None}. */
    int encodedLength();

    /** Writes the block at {@code off}; returns the bytes written ({@link #encodedLength()}). */
    int writeTo(byte[] buf, int off);

    /** The first element with this ID. */
    default Optional<HeaderExtension> element(int id) {
        for (HeaderExtension element : elements()) {
            if (element.id() == id) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    /**
     * The one-byte form when every element fits it, else the two-byte form (RFC 8285 §4.1.2
     * forbids mixing within a packet); {@link #NONE} for no elements.
     */
    static ExtensionBlock of(List<HeaderExtension> elements) {
        if (elements.isEmpty()) {
            return NONE;
        }
        boolean oneByte = elements.stream().allMatch(HeaderExtension::fitsOneByte);
        return oneByte ? new OneByte(elements) : new TwoByte(0, elements);
    }

    /** Parses the block whose 4-byte header is at {@code block} and that ends at {@code end}. */
    static Optional<ExtensionBlock> parse(byte[] b, int block, int end) {
        int profile = Bytes.u16(b, block);
        if (HeaderExtensions.isOneByte(profile)) {
            return HeaderExtensions.parseElements(b, block + 4, end, true).map(OneByte::new);
        }
        if (HeaderExtensions.isTwoByte(profile)) {
            return HeaderExtensions.parseElements(b, block + 4, end, false)
                    .map(elements -> new TwoByte(profile & 0x0f, elements));
        }
        return Optional.of(new Opaque(profile, Arrays.copyOfRange(b, block + 4, end)));
    }

    /** The X bit is clear. */
    record None() implements ExtensionBlock {
        @Override
        public List<HeaderExtension> elements() {
            return List.of();
        }

        @Override
        public int encodedLength() {
            return 0;
        }

        @Override
        public int writeTo(byte[] buf, int off) {
            return 0;
        }
    }

    /** RFC 8285 §4.2, profile 0xBEDE: IDs 1..14, 1..16 data bytes each. */
    record OneByte(List<HeaderExtension> elements) implements ExtensionBlock {
        public OneByte {
            elements = List.copyOf(elements);
            for (HeaderExtension element : elements) {
                if (!element.fitsOneByte()) {
                    throw new IllegalArgumentException("does not fit the one-byte form: " + element);
                }
            }
            checkBlockSize(bodyLength(elements, 1));
        }

        @Override
        public int encodedLength() {
            return 4 + padded(bodyLength(elements, 1));
        }

        @Override
        public int writeTo(byte[] buf, int off) {
            int pos = off + 4;
            for (HeaderExtension element : elements) {
                buf[pos++] = (byte) (element.id() << 4 | element.length() - 1);
                pos += element.copyDataTo(buf, pos);
            }
            return finish(buf, off, pos, HeaderExtensions.ONE_BYTE_PROFILE);
        }
    }

    /** RFC 8285 §4.3, profile 0x100 with 4 application bits: IDs 1..255, 0..255 data bytes each. */
    record TwoByte(int appBits, List<HeaderExtension> elements) implements ExtensionBlock {
        public TwoByte {
            Bytes.requireRange("appbits", appBits, 0, 15);
            elements = List.copyOf(elements);
            checkBlockSize(bodyLength(elements, 2));
        }

        @Override
        public int encodedLength() {
            return 4 + padded(bodyLength(elements, 2));
        }

        @Override
        public int writeTo(byte[] buf, int off) {
            int pos = off + 4;
            for (HeaderExtension element : elements) {
                buf[pos++] = (byte) element.id();
                buf[pos++] = (byte) element.length();
                pos += element.copyDataTo(buf, pos);
            }
            return finish(buf, off, pos, HeaderExtensions.TWO_BYTE_PROFILE | appBits);
        }
    }

    /** A block under a profile other than RFC 8285's, kept as it came; its length is a multiple of 4. */
    record Opaque(int profile, byte[] data) implements ExtensionBlock {
        public Opaque {
            Bytes.requireRange("profile", profile, 0, 0xffff);
            if (data.length % 4 != 0) {
                throw new IllegalArgumentException("extension data must be whole 32-bit words: " + data.length);
            }
            checkBlockSize(data.length);
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public List<HeaderExtension> elements() {
            return List.of();
        }

        @Override
        public int encodedLength() {
            return 4 + data.length;
        }

        @Override
        public int writeTo(byte[] buf, int off) {
            System.arraycopy(data, 0, buf, off + 4, data.length);
            return finish(buf, off, off + 4 + data.length, profile);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Opaque other && profile == other.profile && Arrays.equals(data, other.data);
        }

        @Override
        public int hashCode() {
            return 31 * profile + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Opaque[profile=0x" + Integer.toHexString(profile) + ", data="
                    + HexFormat.of().formatHex(data) + "]";
        }
    }

    private static int bodyLength(List<HeaderExtension> elements, int elementHeader) {
        int total = 0;
        for (HeaderExtension element : elements) {
            total += elementHeader + element.length();
        }
        return total;
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }

    private static void checkBlockSize(int bodyLength) {
        if (padded(bodyLength) / 4 > 0xffff) {
            throw new IllegalArgumentException("extension block too long: " + bodyLength + " bytes");
        }
    }

    /** Zero-pads the body ending at {@code pos} and writes the block header; returns the block length. */
    private static int finish(byte[] buf, int off, int pos, int profile) {
        int end = off + 4 + padded(pos - off - 4);
        Arrays.fill(buf, pos, end, (byte) 0);
        Bytes.put16(buf, off, profile);
        Bytes.put16(buf, off + 2, (end - off - 4) / 4);
        return end - off;
    }
}
