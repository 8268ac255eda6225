package dev.parley.protocol.rtp;

import dev.parley.protocol.Bytes;

import dev.parley.protocol.Malformed;
import java.util.Objects;

/**
 * Zero-allocation view of an RTP header in a byte array, for the SFU forwarding path where a
 * packet is inspected and rewritten in place (SSRC, sequence number, timestamp) and sent on.
 * RFC 3550 §5.1:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           synchronization source (SSRC) identifier            |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |            contributing source (CSRC) identifiers             |
 * |                             ....                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      defined by profile       |           length              |  (if X, §5.3.1)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        header extension                       |
 * |                             ....                              |
 * </pre>
 *
 * <p>Call {@link #headerLength} first: it is the only method that validates, and it refuses
 * (returns -1 and counts {@link Malformed.Kind#RTP}) a packet whose version is not 2, whose
 * CSRC list or extension block runs past the end, or whose padding count is zero or larger
 * than the space after the header. The getters and setters take only the packet's offset and
 * assume a packet that passed; offsets and lengths outside the array are programming errors
 * and throw {@link IndexOutOfBoundsException}, bad bytes never do.
 */
public final class RtpHeaders {

    /** Fixed header size, before CSRCs and the extension. */
    public static final int FIXED_HEADER_LENGTH = 12;

    private RtpHeaders() {
    }

    /**
     * Bytes from {@code off} to the payload (fixed header, CSRCs and extension block), or -1
     * when the packet is malformed, which is counted.
     */
    public static int headerLength(byte[] b, int off, int len) {
        int header = measure(b, off, len);
        if (header < 0) {
            Malformed.count(Malformed.Kind.RTP);
        }
        return header;
    }

    /** Absolute offset of the payload in {@code b}, or -1 when malformed (counted). */
    public static int payloadOffset(byte[] b, int off, int len) {
        int header = headerLength(b, off, len);
        return header < 0 ? -1 : off + header;
    }

    /** Payload bytes without the RTP padding, or -1 when malformed (counted). */
    public static int payloadLength(byte[] b, int off, int len) {
        int header = headerLength(b, off, len);
        return header < 0 ? -1 : len - header - paddingLength(b, off, len);
    }

    /** Padding bytes at the end (the count in the last byte), 0 when the P bit is clear. */
    public static int paddingLength(byte[] b, int off, int len) {
        return hasPadding(b, off) ? b[off + len - 1] & 0xff : 0;
    }

    /**
     * The validation behind {@link #headerLength}, without counting, for callers that report
     * their own way (extension lookups, {@link RtpPacket#parse}).
     */
    static int measure(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len < FIXED_HEADER_LENGTH || (b[off] & 0xc0) != 0x80) {
            return -1;
        }
        int header = FIXED_HEADER_LENGTH + 4 * (b[off] & 0x0f);
        if (hasExtension(b, off)) {
            if (header + 4 > len) {
                return -1;
            }
            header += 4 + 4 * Bytes.u16(b, off + header + 2);
        }
        if (header > len) {
            return -1;
        }
        if (hasPadding(b, off)) {
            int padding = b[off + len - 1] & 0xff;
            if (padding == 0 || header + padding > len) {
                return -1;
            }
        }
        return header;
    }

    public static int version(byte[] b, int off) {
        return (b[off] & 0xff) >>> 6;
    }

    public static boolean hasPadding(byte[] b, int off) {
        return (b[off] & 0x20) != 0;
    }

    public static boolean hasExtension(byte[] b, int off) {
        return (b[off] & 0x10) != 0;
    }

    public static int csrcCount(byte[] b, int off) {
        return b[off] & 0x0f;
    }

    /** The {@code index}-th CSRC, 0-based, below {@link #csrcCount}. */
    public static long csrc(byte[] b, int off, int index) {
        return Bytes.u32(b, off + FIXED_HEADER_LENGTH + 4 * index);
    }

    public static boolean marker(byte[] b, int off) {
        return (b[off + 1] & 0x80) != 0;
    }

    public static void setMarker(byte[] b, int off, boolean marker) {
        b[off + 1] = (byte) (marker ? b[off + 1] | 0x80 : b[off + 1] & 0x7f);
    }

    public static int payloadType(byte[] b, int off) {
        return b[off + 1] & 0x7f;
    }

    /** Sets the 7-bit payload type, keeping the marker bit. */
    public static void setPayloadType(byte[] b, int off, int payloadType) {
        b[off + 1] = (byte) (b[off + 1] & 0x80 | payloadType & 0x7f);
    }

    public static int sequenceNumber(byte[] b, int off) {
        return Bytes.u16(b, off + 2);
    }

    /** Sets the sequence number; only the low 16 bits are written, so callers may pass an unwrapped counter. */
    public static void setSequenceNumber(byte[] b, int off, int sequenceNumber) {
        Bytes.put16(b, off + 2, sequenceNumber);
    }

    public static long timestamp(byte[] b, int off) {
        return Bytes.u32(b, off + 4);
    }

    /** Sets the timestamp; only the low 32 bits are written. */
    public static void setTimestamp(byte[] b, int off, long timestamp) {
        Bytes.put32(b, off + 4, timestamp);
    }

    public static long ssrc(byte[] b, int off) {
        return Bytes.u32(b, off + 8);
    }

    /** Sets the SSRC; only the low 32 bits are written. */
    public static void setSsrc(byte[] b, int off, long ssrc) {
        Bytes.put32(b, off + 8, ssrc);
    }

    /** Absolute offset of the extension block's 4-byte header (profile, length); meaningful when X is set. */
    public static int extensionBlockOffset(byte[] b, int off) {
        return off + FIXED_HEADER_LENGTH + 4 * csrcCount(b, off);
    }

    /** The 16-bit "defined by profile" field: 0xBEDE one-byte, 0x100x two-byte (RFC 8285). X must be set. */
    public static int extensionProfile(byte[] b, int off) {
        return Bytes.u16(b, extensionBlockOffset(b, off));
    }
}
