package dev.parley.protocol.srtp;

import dev.parley.protocol.Malformed;
import java.util.Objects;

/**
 * One direction of SRTP and SRTCP (RFC 3711) for one DTLS association: a sender protects what
 * Parley sends, a receiver unprotects what the peer sent. All SSRCs of that direction share the
 * master key; the session keeps per-SSRC state (rollover counter and highest index, replay
 * windows, the next SRTCP index). The keys of the two directions differ (RFC 5764 §4.2), so a
 * peer connection holds one sender and one receiver.
 *
 * <pre>
 * SRTP (RFC 3711 §3.1)                        SRTCP (RFC 3711 §3.4)
 * +----------------------------------+        +----------------------------------+
 * | V=2|P|X|CC|M|PT| sequence number |        | V=2|P|RC | PT | length           |
 * | timestamp                        |        | SSRC of sender                   |
 * | SSRC                             |        +----------------------------------+ encrypted
 * | CSRC list, header extension (X)  |        | rest of the compound packet ...  | from here
 * +----------------------------------+        +----------------------------------+
 * | payload (encrypted) ...          |        |E| SRTCP index (31 bits)          |
 * +----------------------------------+        +----------------------------------+
 * | auth tag (10 or 16 bytes)        |        | auth tag (10 or 16 bytes)        |
 * +----------------------------------+        +----------------------------------+
 * </pre>
 *
 * (With GCM the SRTCP tag comes before the E/index word, RFC 7714 §9.) Header extensions stay in
 * the clear; there is no MKI. The key derivation rate is zero.
 *
 * <p>All methods work in place on {@code buf[off, off+len)} and return the new length, or a
 * negative code: {@link #AUTH_FAILED}, {@link #REPLAYED}, {@link #MALFORMED}, {@link #NO_ROOM},
 * {@link #SSRC_LIMIT}. They never throw on bad packet bytes or bad bounds. After a failure the
 * buffer is unchanged. Calling a receiver's method on a sender (or the reverse) is a programming
 * error and throws {@link IllegalStateException}.
 *
 * <p>A sender may protect the same RTP index again (a retransmission without RTX); the bytes
 * must then be the same as the first time, or AES-CM and GCM both leak the difference of the
 * two payloads. The sender's SRTCP index counts up from zero per SSRC and is never reused.
 *
 * <p>Not thread-safe: a session belongs to one thread at a time (the peer connection's
 * serial executor). {@link #counters()} may be read from elsewhere but can then be stale.
 */
public final class SrtpSession {

    /** The authentication tag did not verify: forged, corrupted, or wrong keys or rollover counter. */
    public static final int AUTH_FAILED = -1;
    /** The packet index was already received, or is older than the replay window. */
    public static final int REPLAYED = -2;
    /** Not a version-2 RTP/RTCP packet, too short, or {@code off}/{@code len} outside the buffer. */
    public static final int MALFORMED = -3;
    /** {@code buf} has no room after the packet for the tag ({@link #maxOverhead()} bytes suffice). */
    public static final int NO_ROOM = -4;
    /** A new SSRC was refused because the session already tracks {@link #MAX_SSRCS}. */
    public static final int SSRC_LIMIT = -5;

    /** SSRCs one session tracks at most; bounds the memory a peer with valid keys can make us hold. */
    public static final int MAX_SSRCS = 4096;

    private static final int RTP_MIN_HEADER = 12;
    private static final int RTCP_HEADER = 8;
    private static final int ESRTCP_LENGTH = 4;

    private final SrtpProfile profile;
    private final boolean sender;
    private final SrtpTransform transform;
    private final SsrcTable<StreamState> streams = new SsrcTable<>(MAX_SSRCS);
    private final int rtpTag;
    private final int rtcpTag;

    private long rtpPackets;
    private long rtcpPackets;
    private long authFailures;
    private long replays;
    private long malformed;
    private long ssrcLimit;

    SrtpSession(SrtpProfile profile, boolean sender, SessionKeys rtpKeys, SessionKeys rtcpKeys) {
        this.profile = profile;
        this.sender = sender;
        this.transform = profile.isAead()
                ? new AesGcmTransform(rtpKeys, rtcpKeys)
                : new AesCmHmacTransform(rtpKeys, rtcpKeys);
        this.rtpTag = profile.rtpAuthTagLength();
        this.rtcpTag = profile.rtcpAuthTagLength();
    }

    /** A session that protects outgoing RTP and RTCP with keys from the DTLS exporter. */
    public static SrtpSession sender(SrtpProfile profile, byte[] masterKey, byte[] masterSalt) {
        return create(profile, true, masterKey, masterSalt);
    }

    /** A session that verifies and decrypts incoming SRTP and SRTCP. */
    public static SrtpSession receiver(SrtpProfile profile, byte[] masterKey, byte[] masterSalt) {
        return create(profile, false, masterKey, masterSalt);
    }

    private static SrtpSession create(SrtpProfile profile, boolean sender, byte[] masterKey, byte[] masterSalt) {
        Objects.requireNonNull(profile, "profile");
        if (masterKey.length != profile.masterKeyLength() || masterSalt.length != profile.masterSaltLength()) {
            throw new IllegalArgumentException(profile + " needs a " + profile.masterKeyLength()
                    + "-byte master key and a " + profile.masterSaltLength() + "-byte master salt, got "
                    + masterKey.length + " and " + masterSalt.length);
        }
        return new SrtpSession(profile, sender,
                SessionKeys.derive(profile, masterKey, masterSalt, false),
                SessionKeys.derive(profile, masterKey, masterSalt, true));
    }

    public SrtpProfile profile() {
        return profile;
    }

    public boolean isSender() {
        return sender;
    }

    /** The most bytes protecting one packet adds (SRTCP: E/index word plus tag). */
    public int maxOverhead() {
        return Math.max(rtpTag, ESRTCP_LENGTH + rtcpTag);
    }

    /** Bytes {@link #protectRtp} adds. */
    public int rtpOverhead() {
        return rtpTag;
    }

    /** Bytes {@link #protectRtcp} adds. */
    public int rtcpOverhead() {
        return ESRTCP_LENGTH + rtcpTag;
    }

    /**
     * Encrypts the payload of the RTP packet in {@code buf[off, off+len)} and appends the tag.
     *
     * @return the SRTP length ({@code len + rtpOverhead()}), or {@link #MALFORMED},
     *         {@link #NO_ROOM}, {@link #SSRC_LIMIT}
     */
    public int protectRtp(byte[] buf, int off, int len) {
        requireDirection(true);
        if (!inBounds(buf, off, len)) {
            return malformedRtp();
        }
        int headerLength = rtpHeaderLength(buf, off, len);
        if (headerLength < 0) {
            return malformedRtp();
        }
        if (buf.length - off - len < rtpTag) {
            return NO_ROOM;
        }
        int ssrc = readInt(buf, off + 8);
        StreamState stream = streams.getOrCreate(ssrc, StreamState::forSender);
        if (stream == null) {
            ssrcLimit++;
            return SSRC_LIMIT;
        }
        long index = RtpIndex.estimate(stream.rtpHighest, readShort(buf, off + 2));
        if (index > stream.rtpHighest) {
            stream.rtpHighest = index;
        }
        rtpPackets++;
        return transform.protectRtp(buf, off, len, headerLength, ssrc, index);
    }

    /**
     * Verifies the SRTP packet in {@code buf[off, off+len)}, checks it against the replay
     * window of its SSRC and decrypts the payload in place.
     *
     * @return the RTP length (without the tag), or {@link #AUTH_FAILED}, {@link #REPLAYED},
     *         {@link #MALFORMED}, {@link #SSRC_LIMIT}
     */
    public int unprotectRtp(byte[] buf, int off, int len) {
        requireDirection(false);
        if (!inBounds(buf, off, len) || len < RTP_MIN_HEADER + rtpTag) {
            return malformedRtp();
        }
        int headerLength = rtpHeaderLength(buf, off, len - rtpTag);
        if (headerLength < 0) {
            return malformedRtp();
        }
        int ssrc = readInt(buf, off + 8);
        StreamState stream = streams.get(ssrc);
        ReplayWindow window = stream == null ? null : stream.rtpWindow;
        long index = RtpIndex.estimate(window == null ? RtpIndex.NONE : window.highest(), readShort(buf, off + 2));
        if (window != null && !window.accepts(index)) {
            replays++;
            return REPLAYED;
        }
        if (stream == null && streams.full()) {
            ssrcLimit++;
            return SSRC_LIMIT;
        }
        int plainLength = transform.unprotectRtp(buf, off, len, headerLength, ssrc, index);
        if (plainLength < 0) {
            authFailures++;
            return AUTH_FAILED;
        }
        // State for a new SSRC is created only now, so forged packets cannot fill the table;
        // there is room, checked above.
        if (stream == null) {
            stream = streams.getOrCreate(ssrc, StreamState::forReceiver);
        }
        stream.rtpWindow.record(index);
        rtpPackets++;
        return plainLength;
    }

    /**
     * Encrypts the compound RTCP packet in {@code buf[off, off+len)} after its first 8 bytes and
     * appends the E-flag with the next SRTCP index of its SSRC, and the tag.
     *
     * @return the SRTCP length ({@code len + rtcpOverhead()}), or {@link #MALFORMED},
     *         {@link #NO_ROOM}, {@link #SSRC_LIMIT}
     */
    public int protectRtcp(byte[] buf, int off, int len) {
        requireDirection(true);
        if (!inBounds(buf, off, len) || len < RTCP_HEADER || !versionTwo(buf, off)) {
            return malformedRtcp();
        }
        if (buf.length - off - len < rtcpOverhead()) {
            return NO_ROOM;
        }
        int ssrc = readInt(buf, off + 4);
        StreamState stream = streams.getOrCreate(ssrc, StreamState::forSender);
        if (stream == null) {
            ssrcLimit++;
            return SSRC_LIMIT;
        }
        int index = stream.nextRtcpIndex;
        // RFC 3711 §3.4: modulo 2^31. A receiver refuses the wrapped indices; rekey long before.
        stream.nextRtcpIndex = (index + 1) & 0x7fff_ffff;
        rtcpPackets++;
        return transform.protectRtcp(buf, off, len, ssrc, index);
    }

    /**
     * Verifies the SRTCP packet in {@code buf[off, off+len)}, checks its index against the
     * replay window of its SSRC and decrypts it in place (unless its E-flag says it was sent
     * unencrypted, which RFC 3711 allows).
     *
     * @return the RTCP length (without E/index and tag), or {@link #AUTH_FAILED},
     *         {@link #REPLAYED}, {@link #MALFORMED}, {@link #SSRC_LIMIT}
     */
    public int unprotectRtcp(byte[] buf, int off, int len) {
        requireDirection(false);
        if (!inBounds(buf, off, len) || len < minimumSrtcpLength() || !versionTwo(buf, off)) {
            return malformedRtcp();
        }
        int ssrc = readInt(buf, off + 4);
        int trailer = profile.isAead() ? off + len - ESRTCP_LENGTH : off + len - rtcpTag - ESRTCP_LENGTH;
        int word = readInt(buf, trailer);
        boolean encrypted = word < 0;
        int index = word & 0x7fff_ffff;
        StreamState stream = streams.get(ssrc);
        if (stream != null && !stream.rtcpWindow.accepts(index)) {
            replays++;
            return REPLAYED;
        }
        if (stream == null && streams.full()) {
            ssrcLimit++;
            return SSRC_LIMIT;
        }
        int rtcpLength = transform.unprotectRtcp(buf, off, len, ssrc, index, encrypted);
        if (rtcpLength < 0) {
            authFailures++;
            return AUTH_FAILED;
        }
        if (stream == null) {
            stream = streams.getOrCreate(ssrc, StreamState::forReceiver);
        }
        stream.rtcpWindow.record(index);
        rtcpPackets++;
        return rtcpLength;
    }

    /** The session's counters now. */
    public SrtpCounters counters() {
        return new SrtpCounters(rtpPackets, rtcpPackets, authFailures, replays, malformed, ssrcLimit, streams.size());
    }

    @Override
    public String toString() {
        return "SrtpSession[" + profile + ", " + (sender ? "sender" : "receiver") + ", " + counters() + "]";
    }

    /** An SRTCP packet needs its 8-byte header, the E/index word and the tag; GCM's E=1 form adds nothing more. */
    private int minimumSrtcpLength() {
        return RTCP_HEADER + ESRTCP_LENGTH + rtcpTag;
    }

    private void requireDirection(boolean protect) {
        if (protect != sender) {
            throw new IllegalStateException("this SRTP session is a " + (sender ? "sender" : "receiver")
                    + "; it cannot " + (protect ? "protect" : "unprotect"));
        }
    }

    private int malformedRtp() {
        malformed++;
        Malformed.count(Malformed.Kind.SRTP);
        return MALFORMED;
    }

    private int malformedRtcp() {
        malformed++;
        Malformed.count(Malformed.Kind.SRTCP);
        return MALFORMED;
    }

    private static boolean inBounds(byte[] buf, int off, int len) {
        return buf != null && off >= 0 && len >= 0 && len <= buf.length - off;
    }

    private static boolean versionTwo(byte[] buf, int off) {
        return (buf[off] & 0xc0) == 0x80;
    }

    /**
     * The length of the RTP header in {@code buf[off, off+limit)}: 12 bytes, 4 per CSRC, and the
     * header extension (4-byte preamble plus its length in words) when X is set (RFC 3550 §5.1,
     * §5.3.1). -1 when the packet is not version 2 or the header does not fit in {@code limit}.
     */
    private static int rtpHeaderLength(byte[] buf, int off, int limit) {
        if (limit < RTP_MIN_HEADER || !versionTwo(buf, off)) {
            return -1;
        }
        int first = buf[off] & 0xff;
        int length = RTP_MIN_HEADER + 4 * (first & 0x0f);
        if ((first & 0x10) != 0) {
            if (length + 4 > limit) {
                return -1;
            }
            length += 4 + 4 * readShort(buf, off + length + 2);
        }
        return length <= limit ? length : -1;
    }

    private static int readShort(byte[] buf, int at) {
        return ((buf[at] & 0xff) << 8) | (buf[at + 1] & 0xff);
    }

    private static int readInt(byte[] buf, int at) {
        return ((buf[at] & 0xff) << 24) | ((buf[at + 1] & 0xff) << 16) | ((buf[at + 2] & 0xff) << 8) | (buf[at + 3] & 0xff);
    }
}
