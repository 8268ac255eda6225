package dev.parley.protocol.srtp;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AEAD_AES_128_GCM for SRTP and SRTCP (RFC 7714): one AES-GCM pass encrypts the payload and
 * produces a 16-byte tag over the payload and the associated data.
 *
 * <pre>
 * SRTP  IV  = salt XOR ( 00 00 | SSRC | ROC | SEQ )             (§8.1)
 *       AAD = the RTP header, CSRCs and header extension included (§8.2)
 *       out = header | ciphertext | tag
 *
 * SRTCP IV  = salt XOR ( 00 00 | SSRC | 00 00 | 0 + 31-bit index ) (§9.1)
 *       E=1: AAD = first 8 bytes | E + index;  out = first 8 | ciphertext | tag | E + index
 *       E=0: AAD = whole packet  | E + index;  out = packet  | tag | E + index   (§9.2, §17)
 * </pre>
 *
 * <p>Built on the JCA's {@code AES/GCM/NoPadding} (AES-NI and carry-less multiply). The cipher
 * is re-initialised per packet; the JCA allocates its GHASH state on each init, which cannot
 * be avoided from outside. Output goes to a scratch buffer and is copied back, so a packet whose
 * tag fails is left untouched.
 */
final class AesGcmTransform implements SrtpTransform {

    static final int TAG_LENGTH = 16;
    private static final int TAG_BITS = TAG_LENGTH * 8;
    private static final int SALT_LENGTH = 12;
    private static final int ESRTCP_LENGTH = 4;

    private final SecretKeySpec rtpKey;
    private final byte[] rtpSalt;
    private final SecretKeySpec rtcpKey;
    private final byte[] rtcpSalt;
    private final Cipher gcm;
    private final byte[] iv = new byte[SALT_LENGTH];
    private final byte[] esrtcp = new byte[ESRTCP_LENGTH];
    private byte[] scratch = new byte[2048];

    AesGcmTransform(SessionKeys rtpKeys, SessionKeys rtcpKeys) {
        if (rtpKeys.salt().length != SALT_LENGTH || rtcpKeys.salt().length != SALT_LENGTH) {
            throw new IllegalArgumentException("GCM session salt must be 12 bytes");
        }
        this.rtpKey = new SecretKeySpec(rtpKeys.encryptionKey(), "AES");
        this.rtpSalt = rtpKeys.salt().clone();
        this.rtcpKey = new SecretKeySpec(rtcpKeys.encryptionKey(), "AES");
        this.rtcpSalt = rtcpKeys.salt().clone();
        try {
            this.gcm = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available from the JCA", e);
        }
    }

    @Override
    public int protectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index) {
        rtpIv(ssrc, index);
        try {
            initEncrypt(rtpKey);
            gcm.updateAAD(buf, off, headerLength);
            return headerLength + sealInto(buf, off + headerLength, len - headerLength);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed on a sized buffer", e);
        }
    }

    @Override
    public int unprotectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index) {
        rtpIv(ssrc, index);
        try {
            gcm.init(Cipher.DECRYPT_MODE, rtpKey, new GCMParameterSpec(TAG_BITS, iv));
            gcm.updateAAD(buf, off, headerLength);
            int plain = openInto(buf, off + headerLength, len - headerLength);
            return plain < 0 ? AUTH_FAILED : headerLength + plain;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed on a sized buffer", e);
        }
    }

    @Override
    public int protectRtcp(byte[] buf, int off, int len, int ssrc, int index) {
        rtcpIv(ssrc, index);
        AesCmHmacTransform.writeBigEndian(esrtcp, 0x8000_0000 | index);
        try {
            initEncrypt(rtcpKey);
            gcm.updateAAD(buf, off, 8);
            gcm.updateAAD(esrtcp, 0, ESRTCP_LENGTH);
            int sealed = 8 + sealInto(buf, off + 8, len - 8);
            System.arraycopy(esrtcp, 0, buf, off + sealed, ESRTCP_LENGTH);
            return sealed + ESRTCP_LENGTH;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed on a sized buffer", e);
        }
    }

    @Override
    public int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int index, boolean encrypted) {
        rtcpIv(ssrc, index);
        int trailer = off + len - ESRTCP_LENGTH;
        try {
            gcm.init(Cipher.DECRYPT_MODE, rtcpKey, new GCMParameterSpec(TAG_BITS, iv));
            if (encrypted) {
                gcm.updateAAD(buf, off, 8);
                gcm.updateAAD(buf, trailer, ESRTCP_LENGTH);
                int plain = openInto(buf, off + 8, len - 8 - ESRTCP_LENGTH);
                return plain < 0 ? AUTH_FAILED : 8 + plain;
            }
            // Authenticated only: the whole RTCP packet is associated data and the "ciphertext" is the tag.
            int rtcpLength = len - ESRTCP_LENGTH - TAG_LENGTH;
            gcm.updateAAD(buf, off, rtcpLength);
            gcm.updateAAD(buf, trailer, ESRTCP_LENGTH);
            return openInto(buf, off + rtcpLength, TAG_LENGTH) < 0 ? AUTH_FAILED : rtcpLength;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed on a sized buffer", e);
        }
    }

    /**
     * The JCA refuses to encrypt twice in a row under the same key and IV, to stop accidental
     * nonce reuse. SRTP legitimately protects the same index again when a packet is resent
     * unchanged (NACK without RTX), which gives byte-identical output and reveals nothing; so on
     * that refusal the cipher is moved to a throwaway IV (nothing is encrypted under it) and then
     * back. Protecting different data under one index stays the caller's responsibility.
     */
    private void initEncrypt(SecretKeySpec key) throws GeneralSecurityException {
        try {
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        } catch (InvalidAlgorithmParameterException sameIv) {
            iv[0] ^= 1;
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            iv[0] ^= 1;
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        }
    }

    /** Encrypts {@code buf[from, from+length)} and writes ciphertext and tag back at {@code from}. */
    private int sealInto(byte[] buf, int from, int length) throws GeneralSecurityException {
        ensureScratch(length + TAG_LENGTH);
        int written = gcm.doFinal(buf, from, length, scratch, 0);
        System.arraycopy(scratch, 0, buf, from, written);
        return written;
    }

    /** Verifies and decrypts ciphertext+tag at {@code from}; the plaintext length, or -1 on a bad tag. */
    private int openInto(byte[] buf, int from, int length) throws GeneralSecurityException {
        ensureScratch(length);
        int written;
        try {
            written = gcm.doFinal(buf, from, length, scratch, 0);
        } catch (AEADBadTagException forged) {
            return -1;
        }
        System.arraycopy(scratch, 0, buf, from, written);
        return written;
    }

    private void ensureScratch(int length) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, 2 * scratch.length)];
        }
    }

    private void rtpIv(int ssrc, long index) {
        System.arraycopy(rtpSalt, 0, iv, 0, SALT_LENGTH);
        xorInt(2, ssrc);
        for (int i = 0; i < 6; i++) {
            iv[6 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
    }

    private void rtcpIv(int ssrc, int index) {
        System.arraycopy(rtcpSalt, 0, iv, 0, SALT_LENGTH);
        xorInt(2, ssrc);
        xorInt(8, index & 0x7fff_ffff);
    }

    private void xorInt(int at, int value) {
        iv[at] ^= (byte) (value >>> 24);
        iv[at + 1] ^= (byte) (value >>> 16);
        iv[at + 2] ^= (byte) (value >>> 8);
        iv[at + 3] ^= (byte) value;
    }
}
