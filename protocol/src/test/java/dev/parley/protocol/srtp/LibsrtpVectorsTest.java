package dev.parley.protocol.srtp;

import static dev.parley.protocol.srtp.Bytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * End-to-end known answers from libsrtp's own self-test ({@code srtp_validate} and
 * {@code srtp_validate_gcm} in test/srtp_driver.c), the library inside Chrome and most SFUs.
 * Unlike the RFC vectors, which start from session keys, these start from the master key and
 * salt, so they pin down key derivation (including GCM's 12-byte salt), index handling and
 * where the tag and SRTCP trailer go, exactly as a browser will check them.
 */
class LibsrtpVectorsTest {

    private static final byte[] RTP = hex("800f1234 decafbad cafebabe abababab abababab abababab abababab");
    private static final byte[] RTCP = hex("81c8000b cafebabe abababab abababab abababab abababab");

    private static final byte[] CM_KEY = hex("e1f97a0d3e018be0d64fa32c06de4139");
    private static final byte[] CM_SALT = hex("0ec675ad498afeebb6960b3aabe6");
    private static final byte[] CM_SRTP = hex("""
            800f1234 decafbad cafebabe 4e55dc4c e79978d8 8ca4d215 949d2402 b78d6acc 99ea179b 8dbb""");
    private static final byte[] CM_SRTCP = hex("""
            81c8000b cafebabe 7128035b e487b9bd bef89041 f977a5a8 80000001 993e08cd 54d6c123 0798""");

    private static final byte[] GCM_KEY = hex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] GCM_SALT = hex("a0a1a2a3a4a5a6a7a8a9aaab");
    private static final byte[] GCM_SRTP = hex("""
            800f1234 decafbad cafebabe c5002ede 04cfdd2e b91159e0 880aa06e d2976826 f796b201 df3131a1 27e8a392""");
    private static final byte[] GCM_SRTCP = hex("""
            81c8000b cafebabe c98b8b5d f0392a55 852b6c21 ac8e7025 c52c6fbe a2b3b446 ea31123b a88ce61e 80000001""");

    @Test
    void aesCmSrtp() {
        checkRtp(SrtpProfile.AES_CM_128_HMAC_SHA1_80, CM_KEY, CM_SALT, CM_SRTP);
    }

    @Test
    void aesCmSrtcp() {
        checkRtcp(SrtpProfile.AES_CM_128_HMAC_SHA1_80, CM_KEY, CM_SALT, CM_SRTCP);
    }

    @Test
    void gcmSrtp() {
        checkRtp(SrtpProfile.AEAD_AES_128_GCM, GCM_KEY, GCM_SALT, GCM_SRTP);
    }

    @Test
    void gcmSrtcp() {
        checkRtcp(SrtpProfile.AEAD_AES_128_GCM, GCM_KEY, GCM_SALT, GCM_SRTCP);
    }

    private static void checkRtp(SrtpProfile profile, byte[] key, byte[] salt, byte[] expected) {
        byte[] buf = Bytes.withRoom(RTP, profile.rtpAuthTagLength());
        assertEquals(expected.length, SrtpSession.sender(profile, key, salt).protectRtp(buf, 0, RTP.length));
        assertArrayEquals(expected, buf);

        buf = expected.clone();
        assertEquals(RTP.length, SrtpSession.receiver(profile, key, salt).unprotectRtp(buf, 0, buf.length));
        assertArrayEquals(RTP, Arrays.copyOf(buf, RTP.length));
    }

    /** libsrtp increments its SRTCP index before the first packet, so its vector carries index 1. */
    private static void checkRtcp(SrtpProfile profile, byte[] key, byte[] salt, byte[] expected) {
        var sender = SrtpSession.sender(profile, key, salt);
        sender.protectRtcp(Bytes.withRoom(RTCP, sender.rtcpOverhead()), 0, RTCP.length);
        byte[] buf = Bytes.withRoom(RTCP, sender.rtcpOverhead());
        assertEquals(expected.length, sender.protectRtcp(buf, 0, RTCP.length));
        assertArrayEquals(expected, buf);

        buf = expected.clone();
        assertEquals(RTCP.length, SrtpSession.receiver(profile, key, salt).unprotectRtcp(buf, 0, buf.length));
        assertArrayEquals(RTCP, Arrays.copyOf(buf, RTCP.length));
    }
}
