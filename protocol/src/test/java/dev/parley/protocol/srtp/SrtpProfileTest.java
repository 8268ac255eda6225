package dev.parley.protocol.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SrtpProfileTest {

    @Test
    void profilesCarryTheirIanaIdsAndSizes() {
        var cm = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        assertEquals(0x0001, cm.id());
        assertEquals(16, cm.masterKeyLength());
        assertEquals(14, cm.masterSaltLength());
        assertEquals(10, cm.rtpAuthTagLength());
        assertEquals(10, cm.rtcpAuthTagLength());

        var gcm = SrtpProfile.AEAD_AES_128_GCM;
        assertEquals(0x0007, gcm.id());
        assertEquals(16, gcm.masterKeyLength());
        assertEquals(12, gcm.masterSaltLength());
        assertEquals(16, gcm.rtpAuthTagLength());
        assertEquals(16, gcm.rtcpAuthTagLength());
    }

    @Test
    void byIdFindsImplementedProfilesOnly() {
        assertEquals(Optional.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80), SrtpProfile.byId(1));
        assertEquals(Optional.of(SrtpProfile.AEAD_AES_128_GCM), SrtpProfile.byId(7));
        assertTrue(SrtpProfile.byId(2).isEmpty(), "AES_CM_128_HMAC_SHA1_32 is not implemented");
        assertTrue(SrtpProfile.byId(8).isEmpty(), "AEAD_AES_256_GCM is not implemented");
        assertTrue(SrtpProfile.byId(-1).isEmpty());
    }
}
