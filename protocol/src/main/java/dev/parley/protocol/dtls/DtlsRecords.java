package dev.parley.protocol.dtls;

/**
 * A cheap check that a datagram is a sequence of whole DTLS records (RFC 6347 §4.1), done before
 * a datagram is queued for BouncyCastle so that garbage is counted and dropped at the door:
 *
 * <pre>
 *   struct {
 *     ContentType type;              // 1 byte: 20 change_cipher_spec, 21 alert, 22 handshake,
 *                                    //         23 application_data, 24 heartbeat
 *     ProtocolVersion version;       // {254, 255} DTLS 1.0 (early ClientHello), {254, 253} DTLS 1.2
 *     uint16 epoch;
 *     uint48 sequence_number;
 *     uint16 length;                 // at most 2^14 + 2048
 *     opaque fragment[length];
 *   } DTLSPlaintext / DTLSCiphertext;   -- 13-byte header, several records may share a datagram
 * </pre>
 *
 * Connection IDs (RFC 9146, content type 25) are not negotiated here, so they are refused.
 *
 * <p>Handshake records of epoch 0 are plaintext, so their fragments are checked too
 * (RFC 6347 §4.2.2): BouncyCastle allocates a whole message buffer from the first fragment's
 * claimed length, so one forged 16 MB claim would cost 16 MB. No WebRTC handshake message comes
 * near {@link #MAX_HANDSHAKE_MESSAGE}.
 *
 * <pre>
 *   struct {
 *     HandshakeType msg_type;        // 1 byte
 *     uint24 length;                 // of the whole message
 *     uint16 message_seq;
 *     uint24 fragment_offset;
 *     uint24 fragment_length;
 *     opaque body[fragment_length];
 *   } Handshake;                     -- 12-byte header, several fragments may share a record
 * </pre>
 */
final class DtlsRecords {

    static final int HEADER_LENGTH = 13;
    static final int HANDSHAKE_HEADER_LENGTH = 12;
    static final int MAX_HANDSHAKE_MESSAGE = 1 << 16;
    private static final int HANDSHAKE = 22;
    private static final int MAX_FRAGMENT = (1 << 14) + 2048;

    private DtlsRecords() {
    }

    /** True when {@code buf[off, off+len)} is one or more complete, plausible DTLS records. */
    static boolean isWellFormed(byte[] buf, int off, int len) {
        if (len < HEADER_LENGTH) {
            return false;
        }
        int end = off + len;
        int at = off;
        while (at < end) {
            if (end - at < HEADER_LENGTH || !plausibleHeader(buf, at)) {
                return false;
            }
            int fragment = (buf[at + 11] & 0xff) << 8 | (buf[at + 12] & 0xff);
            if (fragment > MAX_FRAGMENT || fragment > end - at - HEADER_LENGTH) {
                return false;
            }
            if (isPlaintextHandshake(buf, at) && !wellFormedFragments(buf, at + HEADER_LENGTH, fragment)) {
                return false;
            }
            at += HEADER_LENGTH + fragment;
        }
        return true;
    }

    private static boolean isPlaintextHandshake(byte[] buf, int at) {
        return (buf[at] & 0xff) == HANDSHAKE && buf[at + 3] == 0 && buf[at + 4] == 0;
    }

    /** The handshake fragments exactly fill the record, each within its message's plausible length. */
    private static boolean wellFormedFragments(byte[] buf, int at, int len) {
        int end = at + len;
        while (at < end) {
            if (end - at < HANDSHAKE_HEADER_LENGTH) {
                return false;
            }
            int length = uint24(buf, at + 1);
            int offset = uint24(buf, at + 6);
            int fragment = uint24(buf, at + 9);
            if (length > MAX_HANDSHAKE_MESSAGE || offset + fragment > length
                    || fragment > end - at - HANDSHAKE_HEADER_LENGTH) {
                return false;
            }
            at += HANDSHAKE_HEADER_LENGTH + fragment;
        }
        return true;
    }

    private static int uint24(byte[] buf, int at) {
        return (buf[at] & 0xff) << 16 | (buf[at + 1] & 0xff) << 8 | (buf[at + 2] & 0xff);
    }

    /**
     * Only the two record versions DTLS 1.2 uses on the wire: BouncyCastle throws on some others
     * ({254, 254} is reserved), and that would end an established connection.
     */
    private static boolean plausibleHeader(byte[] buf, int at) {
        int type = buf[at] & 0xff;
        int major = buf[at + 1] & 0xff;
        int minor = buf[at + 2] & 0xff;
        return type >= 20 && type <= 24 && major == 254 && (minor == 0xff || minor == 0xfd);
    }
}
