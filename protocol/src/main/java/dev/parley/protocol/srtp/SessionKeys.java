package dev.parley.protocol.srtp;

/**
 * The keys one direction uses for one of RTP or RTCP, derived from the master key and salt
 * (RFC 3711 §4.3). {@code authKey} is empty for AEAD profiles, whose tag comes from the cipher.
 * The arrays are owned by the transform that receives them; nothing else keeps a reference.
 */
record SessionKeys(byte[] encryptionKey, byte[] authKey, byte[] salt) {

    /**
     * Derives the RTP keys (labels 0x00, 0x01, 0x02) or the RTCP keys (0x03, 0x04, 0x05).
     */
    static SessionKeys derive(SrtpProfile profile, byte[] masterKey, byte[] masterSalt, boolean rtcp) {
        int base = rtcp ? KeyDerivation.LABEL_RTCP_ENCRYPTION : KeyDerivation.LABEL_RTP_ENCRYPTION;
        byte[] encryption = KeyDerivation.derive(masterKey, masterSalt, base, profile.masterKeyLength());
        byte[] auth = profile.isAead()
                ? new byte[0]
                : KeyDerivation.derive(masterKey, masterSalt, base + 1, KeyDerivation.HMAC_SHA1_KEY_LENGTH);
        byte[] salt = KeyDerivation.derive(masterKey, masterSalt, base + 2, profile.masterSaltLength());
        return new SessionKeys(encryption, auth, salt);
    }
}
