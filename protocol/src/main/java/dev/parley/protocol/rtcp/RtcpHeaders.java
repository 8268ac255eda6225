package dev.parley.protocol.rtcp;

import dev.parley.protocol.Bytes;

import dev.parley.protocol.Malformed;
import java.util.Objects;

/**
 * Zero-allocation access to RTCP packets in a byte array, for the SFU, which walks compound
 * packets and rewrites SSRCs in feedback before forwarding it to the sender of the media.
 * The common header is on {@link RtcpPacket}; feedback packets (RFC 4585 §6.1) go on:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|   FMT   |       PT      |          length               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of packet sender                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of media source                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * :            Feedback Control Information (FCI)                 :
 * </pre>
 *
 * <p>Walk a compound with {@code for (pos = off; pos < end; pos += packetLength(b, pos, end - pos))},
 * stopping at -1. Getters and setters take the packet's offset and assume it passed
 * {@link #packetLength}.
 */
public final class RtcpHeaders {

    private RtcpHeaders() {
    }

    /**
     * Bytes of the first packet at {@code off} (header, body and padding), or -1, counting
     * {@link Malformed.Kind#RTCP}, when its version is not 2 or it runs past {@code len}.
     */
    public static int packetLength(byte[] b, int off, int len) {
        int length = measure(b, off, len);
        if (length < 0) {
            Malformed.count(Malformed.Kind.RTCP);
        }
        return length;
    }

    /** {@link #packetLength} without counting. Padding must leave the 4-byte header whole. */
    static int measure(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len < RtcpCompound.HEADER || (b[off] & 0xc0) != 0x80) {
            return -1;
        }
        int length = 4 * (Bytes.u16(b, off + 2) + 1);
        if (length > len) {
            return -1;
        }
        if (hasPadding(b, off)) {
            int padding = b[off + length - 1] & 0xff;
            if (padding == 0 || padding > length - RtcpCompound.HEADER) {
                return -1;
            }
        }
        return length;
    }

    public static boolean hasPadding(byte[] b, int off) {
        return (b[off] & 0x20) != 0;
    }

    /** Padding bytes at the end of the packet of {@code length} bytes, 0 when P is clear. */
    public static int paddingLength(byte[] b, int off, int length) {
        return hasPadding(b, off) ? b[off + length - 1] & 0xff : 0;
    }

    /** RC (report count), SC (source count) or FMT (feedback message type), by packet type. */
    public static int countOrFormat(byte[] b, int off) {
        return b[off] & 0x1f;
    }

    public static int packetType(byte[] b, int off) {
        return b[off + 1] & 0xff;
    }

    public static boolean isFeedback(byte[] b, int off) {
        int type = packetType(b, off);
        return type == RtcpPacket.RTPFB || type == RtcpPacket.PSFB;
    }

    /** The SSRC right after the header: the sender of SR, RR and feedback; the first source of SDES and BYE. */
    public static long senderSsrc(byte[] b, int off) {
        return Bytes.u32(b, off + 4);
    }

    public static void setSenderSsrc(byte[] b, int off, long ssrc) {
        Bytes.put32(b, off + 4, ssrc);
    }

    /** The media source SSRC of a feedback packet. */
    public static long mediaSsrc(byte[] b, int off) {
        return Bytes.u32(b, off + 8);
    }

    public static void setMediaSsrc(byte[] b, int off, long ssrc) {
        Bytes.put32(b, off + 8, ssrc);
    }

    /**
     * Rewrites the SSRCs of the feedback packet at {@code off} in place, for forwarding it from a
     * subscriber's SSRC space into the publisher's: the sender SSRC, and the media source SSRC.
     * A FIR (RFC 5104 §4.3.1.1) leaves its header media SSRC 0 and names the source in each FCI
     * entry, so there the entries are rewritten instead. REMB SSRC lists are left alone.
     *
     * @return false, changing nothing, when the packet is not a well-formed feedback packet
     */
    public static boolean rewriteFeedbackSsrcs(byte[] b, int off, int len, long senderSsrc, long mediaSsrc) {
        int length = measure(b, off, len);
        if (length < 0 || !isFeedback(b, off)) {
            return false;
        }
        int end = off + length - paddingLength(b, off, length);
        if (end - off < 12) {
            return false;
        }
        boolean fir = packetType(b, off) == RtcpPacket.PSFB && countOrFormat(b, off) == FullIntraRequest.FMT;
        if (fir && (end - off - 12) % FullIntraRequest.ENTRY_LENGTH != 0) {
            return false;
        }
        setSenderSsrc(b, off, senderSsrc);
        if (fir) {
            for (int entry = off + 12; entry < end; entry += FullIntraRequest.ENTRY_LENGTH) {
                Bytes.put32(b, entry, mediaSsrc);
            }
        } else {
            setMediaSsrc(b, off, mediaSsrc);
        }
        return true;
    }
}
