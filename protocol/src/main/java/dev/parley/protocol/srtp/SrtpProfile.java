package dev.parley.protocol.srtp;

import java.util.Optional;

/**
 * The SRTP protection profiles Parley negotiates in DTLS-SRTP (RFC 5764 §4.1.2, the
 * {@code use_srtp} extension). Each one fixes the cipher, the master key and salt sizes that the
 * DTLS exporter must produce, and the length of the authentication tag on every packet.
 *
 * <pre>
 * profile                   id      key  salt  RTP tag  SRTCP tag   spec
 * AES_CM_128_HMAC_SHA1_80   0x0001   16    14       10         10   RFC 3711, RFC 5764 §4.1.2
 * AEAD_AES_128_GCM          0x0007   16    12       16         16   RFC 7714 §14.2
 * </pre>
 */
public enum SrtpProfile {

    /** AES-128 in counter mode with an 80-bit HMAC-SHA1 tag; every WebRTC stack supports it. */
    AES_CM_128_HMAC_SHA1_80(0x0001, 16, 14, 10, 10),

    /** AES-128-GCM; one pass gives both confidentiality and a 128-bit tag, and it is cheaper per byte. */
    AEAD_AES_128_GCM(0x0007, 16, 12, 16, 16);

    private final int id;
    private final int masterKeyLength;
    private final int masterSaltLength;
    private final int rtpAuthTagLength;
    private final int rtcpAuthTagLength;

    SrtpProfile(int id, int masterKeyLength, int masterSaltLength, int rtpAuthTagLength, int rtcpAuthTagLength) {
        this.id = id;
        this.masterKeyLength = masterKeyLength;
        this.masterSaltLength = masterSaltLength;
        this.rtpAuthTagLength = rtpAuthTagLength;
        this.rtcpAuthTagLength = rtcpAuthTagLength;
    }

    /** The IANA "DTLS-SRTP Protection Profiles" value. */
    public int id() {
        return id;
    }

    /** Master key length in bytes. */
    public int masterKeyLength() {
        return masterKeyLength;
    }

    /** Master salt length in bytes: 14 for AES-CM, 12 for GCM. */
    public int masterSaltLength() {
        return masterSaltLength;
    }

    /** Bytes appended to every SRTP packet. */
    public int rtpAuthTagLength() {
        return rtpAuthTagLength;
    }

    /** Bytes of tag on every SRTCP packet (the 4-byte E-flag and index come on top). */
    public int rtcpAuthTagLength() {
        return rtcpAuthTagLength;
    }

    /** Whether the tag comes from an AEAD cipher (GCM) rather than a separate HMAC. */
    boolean isAead() {
        return this == AEAD_AES_128_GCM;
    }

    /** The profile with this IANA id, or empty for a profile Parley does not implement. */
    public static Optional<SrtpProfile> byId(int id) {
        for (SrtpProfile profile : values()) {
            if (profile.id == id) {
                return Optional.of(profile);
            }
        }
        return Optional.empty();
    }
}
