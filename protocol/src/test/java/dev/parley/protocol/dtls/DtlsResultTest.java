package dev.parley.protocol.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The RFC 5764 §4.2 split of the exported keying material, and which half is ours. */
class DtlsResultTest {

    private static byte[] counting(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static byte[] range(int from, int to) {
        return Arrays.copyOfRange(counting(to), from, to);
    }

    @Test
    void splitsAesCmMaterialClientKeyServerKeyClientSaltServerSalt() {
        // 2 * (16 + 14) = 60 bytes: [0,16) [16,32) [32,46) [46,60)
        var client = new DtlsResult(DtlsRole.CLIENT, DtlsSrtpProfile.AES_CM_128_HMAC_SHA1_80, 0xC02B, counting(60));
        assertArrayEquals(range(0, 16), client.clientWriteKey());
        assertArrayEquals(range(16, 32), client.serverWriteKey());
        assertArrayEquals(range(32, 46), client.clientWriteSalt());
        assertArrayEquals(range(46, 60), client.serverWriteSalt());
        assertArrayEquals(range(0, 16), client.localKey());
        assertArrayEquals(range(32, 46), client.localSalt());
        assertArrayEquals(range(16, 32), client.remoteKey());
        assertArrayEquals(range(46, 60), client.remoteSalt());
    }

    @Test
    void splitsGcmMaterialAndTheServerSendsWithTheServerKeys() {
        // 2 * (16 + 12) = 56 bytes: [0,16) [16,32) [32,44) [44,56)
        var server = new DtlsResult(DtlsRole.SERVER, DtlsSrtpProfile.AEAD_AES_128_GCM, 0xC02B, counting(56));
        assertEquals(0x0007, server.profileId());
        assertArrayEquals(range(16, 32), server.localKey());
        assertArrayEquals(range(44, 56), server.localSalt());
        assertArrayEquals(range(0, 16), server.remoteKey());
        assertArrayEquals(range(32, 44), server.remoteSalt());
    }

    @Test
    void refusesMaterialOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class,
                () -> new DtlsResult(DtlsRole.CLIENT, DtlsSrtpProfile.AEAD_AES_128_GCM, 0, counting(60)));
    }

    @Test
    void neverPrintsKeysAndHandsOutCopies() {
        var result = new DtlsResult(DtlsRole.CLIENT, DtlsSrtpProfile.AEAD_AES_256_GCM, 0xC02B, counting(88));
        assertFalse(result.toString().contains(HexFormat.of().formatHex(result.localKey()).substring(0, 8)));
        result.localKey()[0] = 99;
        assertEquals(0, result.localKey()[0]);
        assertEquals(32, result.localKey().length);
    }
}
