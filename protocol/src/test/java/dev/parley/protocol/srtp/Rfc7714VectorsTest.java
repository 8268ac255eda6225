package dev.parley.protocol.srtp;

import static dev.parley.protocol.srtp.Bytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * RFC 7714 §16 (SRTP) and §17 (SRTCP) AEAD_AES_128_GCM test vectors. The RFC gives the session
 * key and salt directly (no key derivation): key 00 01 ... 0f, salt "Quid pro quo".
 */
class Rfc7714VectorsTest {

    private static final SessionKeys KEYS = new SessionKeys(hex("000102030405060708090a0b0c0d0e0f"), new byte[0],
            hex("517569642070726f2071756f"));

    /** §16: "Gallia est omnis divisa in partes tres" behind a 12-byte header, SSRC 0x5501a0b2, SEQ 0xf17b, ROC 0. */
    private static final byte[] RTP = hex("""
            8040f17b 8041f8d3 5501a0b2 47616c6c
            69612065 7374206f 6d6e6973 20646976
            69736120 696e2070 61727465 73207472
            6573""");

    /** §16.1.1 "Encrypted and tagged packet". */
    private static final byte[] SRTP = hex("""
            8040f17b 8041f8d3 5501a0b2 f24de3a3
            fb34de6c acba861c 9d7e4bca be633bd5
            0d294e6f 42a5f47a 51c7d19b 36de3adf
            8833899d 7f27beb1 6a9152cf 765ee439
            0cce""");

    /** §17.1: the RTCP packet ("Mars" is SSRC 0x4d617273). */
    private static final byte[] RTCP = hex("""
            81c8000d 4d617273 4e545031 4e545032
            52545020 0000042a 0000e930 4c756e61
            deadbeef deadbeef deadbeef deadbeef
            deadbeef""");

    /** §17.1 "Encrypted and tagged packet", SRTCP index 0x5d4 with the E-flag set. */
    private static final byte[] SRTCP = hex("""
            81c8000d 4d617273 63e94885 dcdab67c
            a727d766 2f6b7e99 7ff5c0f7 6c06f32d
            c676a5f1 730d6fda 4ce09b46 86303ded
            0bb9275b c84aa458 96cf4d2f c5abf872
            45d9eade 800005d4""");

    /** §17.3 "Tagged packet": authenticated but not encrypted (E-flag clear), index 0x5d4. */
    private static final byte[] SRTCP_TAGGED_ONLY = hex("""
            81c8000d 4d617273 4e545031 4e545032
            52545020 0000042a 0000e930 4c756e61
            deadbeef deadbeef deadbeef deadbeef
            deadbeef 841dd968 3dd78ec9 2ae58790
            125f62b3 000005d4""");

    private static SrtpSession session(boolean sender) {
        return new SrtpSession(SrtpProfile.AEAD_AES_128_GCM, sender, KEYS, KEYS);
    }

    /** §16.1.1. */
    @Test
    void encryptsTheRtpPacket() {
        byte[] buf = Bytes.withRoom(RTP, 16);
        assertEquals(SRTP.length, session(true).protectRtp(buf, 0, RTP.length));
        assertArrayEquals(SRTP, buf);
    }

    /** §16.1.2. */
    @Test
    void decryptsTheRtpPacket() {
        byte[] buf = SRTP.clone();
        assertEquals(RTP.length, session(false).unprotectRtp(buf, 0, buf.length));
        assertArrayEquals(RTP, Arrays.copyOf(buf, RTP.length));
    }

    /** §17.1: the sender's SRTCP index counts from zero, so 0x5d4 packets go first. */
    @Test
    void encryptsTheRtcpPacket() {
        var sender = session(true);
        for (int i = 0; i < 0x5d4; i++) {
            byte[] earlier = Bytes.withRoom(RTCP, 20);
            sender.protectRtcp(earlier, 0, RTCP.length);
        }
        byte[] buf = Bytes.withRoom(RTCP, 20);
        assertEquals(SRTCP.length, sender.protectRtcp(buf, 0, RTCP.length));
        assertArrayEquals(SRTCP, buf);
    }

    /** §17.1 backwards (the RFC's §17.2 decrypts only with the 256-bit key). */
    @Test
    void decryptsTheRtcpPacket() {
        byte[] buf = SRTCP.clone();
        assertEquals(RTCP.length, session(false).unprotectRtcp(buf, 0, buf.length));
        assertArrayEquals(RTCP, Arrays.copyOf(buf, RTCP.length));
    }

    /** §17.3: an SRTCP packet with the E-flag clear is verified and passed on unencrypted. */
    @Test
    void verifiesTheTaggedOnlyRtcpPacket() {
        byte[] buf = SRTCP_TAGGED_ONLY.clone();
        assertEquals(RTCP.length, session(false).unprotectRtcp(buf, 0, buf.length));
        assertArrayEquals(RTCP, Arrays.copyOf(buf, RTCP.length));
    }

    @Test
    void aTaggedOnlyPacketWithAlteredContentFails() {
        byte[] buf = SRTCP_TAGGED_ONLY.clone();
        buf[20] ^= 0x01;
        assertEquals(SrtpSession.AUTH_FAILED, session(false).unprotectRtcp(buf, 0, buf.length));
    }

    @Test
    void settingTheEFlagOnATaggedOnlyPacketFails() {
        byte[] buf = SRTCP_TAGGED_ONLY.clone();
        buf[buf.length - 4] |= (byte) 0x80;
        assertEquals(SrtpSession.AUTH_FAILED, session(false).unprotectRtcp(buf, 0, buf.length));
    }
}
