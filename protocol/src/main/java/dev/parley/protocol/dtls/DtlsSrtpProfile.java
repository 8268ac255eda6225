package dev.parley.protocol.dtls;

import java.util.Optional;

/**
 * SRTP protection profiles negotiated by the DTLS {@code use_srtp} extension, with the master
 * key and salt lengths that the keying material export is cut into.
 *
 * <p>Identifiers and lengths: RFC 5764 §4.1.2 (AES-CM with HMAC-SHA1) and RFC 7714 §14.2
 * (AEAD AES-GCM, whose master salt is 12 bytes rather than 14). Which of these the SRTP layer
 * can actually run is the caller's business: offer only those.
 */
public enum DtlsSrtpProfile {
    AES_CM_128_HMAC_SHA1_80(0x0001, 16, 14),
    AES_CM_128_HMAC_SHA1_32(0x0002, 16, 14),
    AEAD_AES_128_GCM(0x0007, 16, 12),
    AEAD_AES_256_GCM(0x0008, 32, 12);

    private final int id;
    private final int keyLength;
    private final int saltLength;

    DtlsSrtpProfile(int id, int keyLength, int saltLength) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
    }

    /** The two-byte SRTPProtectionProfile value carried in {@code use_srtp}. */
    public int id() {
        return id;
    }

    /** SRTP master key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** SRTP master salt length in bytes. */
    public int saltLength() {
        return saltLength;
    }

    /** The profile with this identifier, or empty when we do not know it. */
    public static Optional<DtlsSrtpProfile> byId(int id) {
        for (DtlsSrtpProfile profile : values()) {
            if (profile.id == id) {
                return Optional.of(profile);
            }
        }
        return Optional.empty();
    }
}
