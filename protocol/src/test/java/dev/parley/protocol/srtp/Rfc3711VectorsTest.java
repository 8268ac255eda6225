package dev.parley.protocol.srtp;

import static dev.parley.protocol.srtp.Bytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** RFC 3711 Appendix B test vectors. */
class Rfc3711VectorsTest {

    private static final byte[] B3_MASTER_KEY = hex("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static final byte[] B3_MASTER_SALT = hex("0EC675AD498AFEEBB6960B3AABE6");

    /** B.3: the cipher key (label 0x00). */
    @Test
    void derivesTheSessionEncryptionKey() {
        assertArrayEquals(hex("C61E7A93744F39EE10734AFE3FF7A087"),
                KeyDerivation.derive(B3_MASTER_KEY, B3_MASTER_SALT, KeyDerivation.LABEL_RTP_ENCRYPTION, 16));
    }

    /** B.3: the cipher salt (label 0x02). */
    @Test
    void derivesTheSessionSalt() {
        assertArrayEquals(hex("30CBBC08863D8C85D49DB34A9AE1"),
                KeyDerivation.derive(B3_MASTER_KEY, B3_MASTER_SALT, KeyDerivation.LABEL_RTP_SALT, 14));
    }

    /** B.3: the authentication key (label 0x01), all 94 bytes, so the counter crosses several blocks. */
    @Test
    void derivesTheSessionAuthenticationKey() {
        byte[] expected = hex("""
                CEBE321F6FF7716B6FD4AB49AF256A15
                6D38BAA48F0A0ACF3C34E2359E6CDBCE
                E049646C43D9327AD175578EF7227098
                6371C10C9A369AC2F94A8C5FBCDDDC25
                6D6E919A48B610EF17C2041E47403576
                6B68642C59BBFC2F34DB60DBDFB2""");
        assertArrayEquals(expected, KeyDerivation.derive(B3_MASTER_KEY, B3_MASTER_SALT, KeyDerivation.LABEL_RTP_AUTH, 94));
    }

    @Test
    void sessionKeysTakeTheirLengthsFromTheProfile() {
        var keys = SessionKeys.derive(SrtpProfile.AES_CM_128_HMAC_SHA1_80, B3_MASTER_KEY, B3_MASTER_SALT, false);
        assertEquals("c61e7a93744f39ee10734afe3ff7a087", Bytes.hex(keys.encryptionKey()));
        assertEquals("cebe321f6ff7716b6fd4ab49af256a156d38baa4", Bytes.hex(keys.authKey()));
        assertEquals("30cbbc08863d8c85d49db34a9ae1", Bytes.hex(keys.salt()));
    }

    /**
     * B.2: the AES-CM keystream for session key 2B7E..., salt F0F1...FD, SSRC 0, ROC 0, SEQ 0.
     * Protecting an all-zero payload of 0xFF02 blocks leaves the keystream in the payload, so
     * the vector's rows for counters 0000-0002 and FEFF-FF01 can be checked through the API.
     */
    @Test
    void aesCmKeystreamMatchesAppendixB2() {
        var keys = new SessionKeys(hex("2B7E151628AED2A6ABF7158809CF4F3C"), new byte[20],
                hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"));
        var session = new SrtpSession(SrtpProfile.AES_CM_128_HMAC_SHA1_80, true, keys, keys);
        int payload = 0xFF02 * 16;
        byte[] packet = new byte[12 + payload + 10];
        packet[0] = (byte) 0x80;

        assertEquals(12 + payload + 10, session.protectRtp(packet, 0, 12 + payload));

        assertEquals("e03ead0935c95e80e166b16dd92b4eb4", keystreamBlock(packet, 0x0000));
        assertEquals("d23513162b02d0f72a43a2fe4a5f97ab", keystreamBlock(packet, 0x0001));
        assertEquals("41e95b3bb0a2e8dd477901e4fca894c0", keystreamBlock(packet, 0x0002));
        assertEquals("ec8cdf7398607cb0f2d21675ea9ea1e4", keystreamBlock(packet, 0xFEFF));
        assertEquals("362b7c3c6773516318a077d7fc5073ae", keystreamBlock(packet, 0xFF00));
        assertEquals("6a2cc3787889374fbeb4c81b17ba6c44", keystreamBlock(packet, 0xFF01));
    }

    private static String keystreamBlock(byte[] packet, int block) {
        return Bytes.hex(packet, 12 + 16 * block, 16);
    }
}
