package dev.parley.protocol.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SRTP key derivation function, RFC 3711 §4.3 with a key derivation rate of zero (the only
 * rate DTLS-SRTP uses, RFC 5764 §4.1.2), so every session key is derived once per master key.
 *
 * <pre>
 *   key_id = label || r          r = index DIV key_derivation_rate = 0 (48 bits)
 *   x      = key_id XOR master_salt                   (both right-aligned in 112 bits)
 *   key    = AES-CM(master_key, IV = x * 2^16), first n bytes of the keystream
 * </pre>
 *
 * <p>The label therefore lands in byte 7 of the 14-byte salt. GCM's 96-bit master salt is
 * padded on the right with two zero bytes to 112 bits first (RFC 7714 §11, errata 4938), which
 * is what libsrtp and the browsers do.
 */
final class KeyDerivation {

    static final int LABEL_RTP_ENCRYPTION = 0x00;
    static final int LABEL_RTP_AUTH = 0x01;
    static final int LABEL_RTP_SALT = 0x02;
    static final int LABEL_RTCP_ENCRYPTION = 0x03;
    static final int LABEL_RTCP_AUTH = 0x04;
    static final int LABEL_RTCP_SALT = 0x05;

    /** HMAC-SHA1 session authentication key length (RFC 3711 §8.2: n_a = 160 bits). */
    static final int HMAC_SHA1_KEY_LENGTH = 20;

    private static final int BLOCK = 16;
    private static final int KDF_SALT_LENGTH = 14;

    private KeyDerivation() {
    }

    /** The first {@code length} bytes of PRF(master_key, x) for {@code label}. */
    static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) {
        if (masterSalt.length > KDF_SALT_LENGTH) {
            throw new IllegalArgumentException("master salt longer than 112 bits");
        }
        byte[] iv = new byte[BLOCK];
        // A 96-bit salt is multiplied by 2^16 to become the 112-bit KDF salt: copy it left-aligned.
        System.arraycopy(masterSalt, 0, iv, 0, masterSalt.length);
        iv[7] ^= (byte) label;
        int blocks = (length + BLOCK - 1) / BLOCK;
        byte[] counters = new byte[blocks * BLOCK];
        for (int b = 0; b < blocks; b++) {
            System.arraycopy(iv, 0, counters, b * BLOCK, BLOCK);
            counters[b * BLOCK + 14] = (byte) (b >>> 8);
            counters[b * BLOCK + 15] = (byte) b;
        }
        try {
            // Counter mode by hand over ECB: this runs a handful of times per DTLS handshake.
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"));
            byte[] keystream = ecb.doFinal(counters);
            byte[] key = new byte[length];
            System.arraycopy(keystream, 0, key, 0, length);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available from the JCA", e);
        }
    }
}
