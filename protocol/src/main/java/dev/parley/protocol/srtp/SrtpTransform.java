package dev.parley.protocol.srtp;

/**
 * The cryptographic half of SRTP for one profile: it holds the session keys of one direction
 * for both RTP and RTCP, with reusable JCA instances and buffers, and turns packets whose
 * index is already known into protected packets and back. Index bookkeeping, replay checks and
 * input validation stay in {@link SrtpSession}, so a transform may assume sane offsets.
 *
 * <p>Not thread-safe: one session, one thread at a time.
 */
sealed interface SrtpTransform permits AesCmHmacTransform, AesGcmTransform {

    /** The value transforms return when a tag does not verify. */
    int AUTH_FAILED = -1;

    /**
     * Encrypts {@code buf[off+headerLength, off+len)} and appends the tag; returns the new length.
     * The caller checked that the buffer has room.
     */
    int protectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index);

    /**
     * Verifies the tag at the end of the packet and decrypts the payload in place; returns the
     * length without the tag, or {@link #AUTH_FAILED}.
     */
    int unprotectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index);

    /**
     * Encrypts everything after the first 8 bytes, then appends the E-flag with {@code index}
     * and the tag (in the order the profile defines); returns the new length.
     */
    int protectRtcp(byte[] buf, int off, int len, int ssrc, int index);

    /**
     * Verifies an SRTCP packet whose trailer carries {@code index} and the E-flag
     * {@code encrypted}, and decrypts it in place if the flag is set; returns the RTCP length
     * without the trailer, or {@link #AUTH_FAILED}.
     */
    int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int index, boolean encrypted);
}
