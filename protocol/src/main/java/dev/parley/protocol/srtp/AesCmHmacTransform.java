package dev.parley.protocol.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES_CM_128_HMAC_SHA1_80: AES-128 counter mode for confidentiality (RFC 3711 §4.1.1) and
 * HMAC-SHA1 truncated to 80 bits for integrity (§4.2.1).
 *
 * <pre>
 * counter block  = (k_s * 2^16) XOR (SSRC * 2^64) XOR (index * 2^16), plus the block number
 *
 *   0               4               8                      14    16
 *   +---------------+---------------+-----------------------+-----+
 *   |  salt[0..4)   | salt ^ SSRC   |   salt ^ 48-bit index | blk |
 *   +---------------+---------------+-----------------------+-----+
 *
 * SRTP  tag = HMAC(k_a, header || encrypted payload || ROC)[0..10)
 * SRTCP tag = HMAC(k_a, header+SSRC || encrypted rest || E || SRTCP index)[0..10)
 * </pre>
 *
 * <p>The JCA's {@code AES/CTR/NoPadding} uses AES-NI and processes many blocks per call; it is
 * re-initialised per packet with the packet's counter block. It runs into a scratch buffer and
 * the result is copied back, because the JCA copies overlapping input internally (allocating a
 * packet-sized array) when asked to work in place. Verification happens before decryption, so a
 * packet that fails authentication is left untouched.
 */
final class AesCmHmacTransform implements SrtpTransform {

    static final int TAG_LENGTH = 10;
    private static final int SALT_LENGTH = 14;
    private static final int ESRTCP_LENGTH = 4;

    private final Direction rtp;
    private final Direction rtcp;
    private final byte[] counterBlock = new byte[16];
    private final byte[] word = new byte[4];
    private final byte[] digest = new byte[20];
    private byte[] scratch = new byte[2048];

    /** The keys and primitives for one of RTP or RTCP. */
    private record Direction(SecretKeySpec key, byte[] salt, Cipher ctr, Mac mac) {
    }

    AesCmHmacTransform(SessionKeys rtpKeys, SessionKeys rtcpKeys) {
        this.rtp = direction(rtpKeys);
        this.rtcp = direction(rtcpKeys);
    }

    private static Direction direction(SessionKeys keys) {
        if (keys.salt().length != SALT_LENGTH) {
            throw new IllegalArgumentException("AES-CM session salt must be 14 bytes");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(keys.authKey(), "HmacSHA1"));
            return new Direction(new SecretKeySpec(keys.encryptionKey(), "AES"), keys.salt().clone(),
                    Cipher.getInstance("AES/CTR/NoPadding"), mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR or HMAC-SHA1 is not available from the JCA", e);
        }
    }

    @Override
    public int protectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index) {
        crypt(rtp, ssrc, index, buf, off + headerLength, len - headerLength);
        writeBigEndian(word, RtpIndex.roc(index));
        sign(rtp, buf, off, len, word);
        System.arraycopy(digest, 0, buf, off + len, TAG_LENGTH);
        return len + TAG_LENGTH;
    }

    @Override
    public int unprotectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index) {
        int signedLength = len - TAG_LENGTH;
        writeBigEndian(word, RtpIndex.roc(index));
        sign(rtp, buf, off, signedLength, word);
        if (!tagMatches(buf, off + signedLength)) {
            return AUTH_FAILED;
        }
        crypt(rtp, ssrc, index, buf, off + headerLength, signedLength - headerLength);
        return signedLength;
    }

    @Override
    public int protectRtcp(byte[] buf, int off, int len, int ssrc, int index) {
        crypt(rtcp, ssrc, index, buf, off + 8, len - 8);
        writeBigEndian(buf, off + len, 0x8000_0000 | index);
        sign(rtcp, buf, off, len + ESRTCP_LENGTH, null);
        System.arraycopy(digest, 0, buf, off + len + ESRTCP_LENGTH, TAG_LENGTH);
        return len + ESRTCP_LENGTH + TAG_LENGTH;
    }

    @Override
    public int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int index, boolean encrypted) {
        int signedLength = len - TAG_LENGTH;
        sign(rtcp, buf, off, signedLength, null);
        if (!tagMatches(buf, off + signedLength)) {
            return AUTH_FAILED;
        }
        int rtcpLength = signedLength - ESRTCP_LENGTH;
        if (encrypted) {
            crypt(rtcp, ssrc, index, buf, off + 8, rtcpLength - 8);
        }
        return rtcpLength;
    }

    /** XORs the AES-CM keystream for (ssrc, index) into {@code buf[from, from+length)}. */
    private void crypt(Direction d, int ssrc, long index, byte[] buf, int from, int length) {
        if (length <= 0) {
            return;
        }
        byte[] iv = counterBlock;
        System.arraycopy(d.salt, 0, iv, 0, SALT_LENGTH);
        iv[14] = 0;
        iv[15] = 0;
        iv[4] ^= (byte) (ssrc >>> 24);
        iv[5] ^= (byte) (ssrc >>> 16);
        iv[6] ^= (byte) (ssrc >>> 8);
        iv[7] ^= (byte) ssrc;
        for (int i = 0; i < 6; i++) {
            iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, 2 * scratch.length)];
        }
        try {
            d.ctr.init(Cipher.ENCRYPT_MODE, d.key, new IvParameterSpec(iv));
            int written = d.ctr.doFinal(buf, from, length, scratch, 0);
            System.arraycopy(scratch, 0, buf, from, written);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR failed on a sized buffer", e);
        }
    }

    /** HMAC-SHA1 over {@code buf[off, off+length)} and then {@code suffix} when given, into {@link #digest}. */
    private void sign(Direction d, byte[] buf, int off, int length, byte[] suffix) {
        d.mac.update(buf, off, length);
        if (suffix != null) {
            d.mac.update(suffix, 0, suffix.length);
        }
        try {
            d.mac.doFinal(digest, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC output buffer too small", e);
        }
    }

    /** Compares the truncated digest with the received tag in constant time. */
    private boolean tagMatches(byte[] buf, int tagOffset) {
        int difference = 0;
        for (int i = 0; i < TAG_LENGTH; i++) {
            difference |= digest[i] ^ buf[tagOffset + i];
        }
        return difference == 0;
    }

    static void writeBigEndian(byte[] out, int value) {
        writeBigEndian(out, 0, value);
    }

    static void writeBigEndian(byte[] out, int off, int value) {
        out[off] = (byte) (value >>> 24);
        out[off + 1] = (byte) (value >>> 16);
        out[off + 2] = (byte) (value >>> 8);
        out[off + 3] = (byte) value;
    }
}
