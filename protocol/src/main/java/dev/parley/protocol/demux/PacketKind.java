package dev.parley.protocol.demux;

import dev.parley.protocol.Malformed;
import java.util.Objects;

/**
 * What arrived on a bundled, rtcp-muxed WebRTC transport, told apart by the first byte as
 * RFC 7983 §7 lays out, and RTP from RTCP by the second byte as RFC 5761 §4 does.
 *
 * <pre>
 *              +----------------+
 *              |        [0..3] -+--> STUN
 *              |                |
 *              |      [16..19] -+--> ZRTP      (UNKNOWN here)
 *  packet -->  |                |
 *              |      [20..63] -+--> DTLS
 *              |                |
 *              |      [64..79] -+--> TURN channel (UNKNOWN here)
 *              |                |
 *              |    [128..191] -+--> RTP/RTCP: second byte 192..223 is RTCP, else RTP
 *              +----------------+
 * </pre>
 *
 * <p>RTCP packet types 192..223 are exactly the RTP payload types 64..95 with the marker bit
 * set, which is why RFC 5761 §4 keeps those payload types out of rtcp-mux sessions. Only the
 * first two bytes are looked at; the parser for the chosen kind checks the rest.
 */
public enum PacketKind {
    STUN, DTLS, RTP, RTCP, UNKNOWN;

    /**
     * Classifies {@code b[off, off + len)} without allocating. UNKNOWN, counting
     * {@link Malformed.Kind#DEMUX}, for an empty packet, a first byte outside the ranges above,
     * or an RTP/RTCP first byte with no second byte.
     */
    public static PacketKind classify(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len > 0) {
            int first = b[off] & 0xff;
            if (first <= 3) {
                return STUN;
            }
            if (first >= 20 && first <= 63) {
                return DTLS;
            }
            if (first >= 128 && first <= 191 && len >= 2) {
                int second = b[off + 1] & 0xff;
                return second >= 192 && second <= 223 ? RTCP : RTP;
            }
        }
        Malformed.count(Malformed.Kind.DEMUX);
        return UNKNOWN;
    }
}
