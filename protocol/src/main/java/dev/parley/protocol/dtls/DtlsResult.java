package dev.parley.protocol.dtls;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a finished DTLS-SRTP handshake gives the SRTP layer: the negotiated protection profile
 * and the SRTP master keys and salts, exported per RFC 5764 §4.2:
 *
 * <pre>
 *   EXPORTER("EXTRACTOR-dtls_srtp", no context, 2 * (key + salt) bytes) =
 *     client_write_SRTP_master_key[key] | server_write_SRTP_master_key[key] |
 *     client_write_SRTP_master_salt[salt] | server_write_SRTP_master_salt[salt]
 * </pre>
 *
 * <p>The client protects what it sends with the client write key and salt, the server with the
 * server's. {@link #localKey()}/{@link #localSalt()} are the ones for what WE send and
 * {@link #remoteKey()}/{@link #remoteSalt()} the ones for what we receive, already chosen by our
 * {@link #role()}, so no caller has to remember which way round it goes.
 *
 * <p>Accessors return copies; {@link #toString()} never shows key material.
 */
public final class DtlsResult {

    private final DtlsRole role;
    private final DtlsSrtpProfile profile;
    private final int cipherSuite;
    private final byte[] clientWriteKey;
    private final byte[] serverWriteKey;
    private final byte[] clientWriteSalt;
    private final byte[] serverWriteSalt;

    DtlsResult(DtlsRole role, DtlsSrtpProfile profile, int cipherSuite, byte[] keyingMaterial) {
        this.role = Objects.requireNonNull(role, "role");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.cipherSuite = cipherSuite;
        int key = profile.keyLength();
        int salt = profile.saltLength();
        if (keyingMaterial.length != 2 * (key + salt)) {
            throw new IllegalArgumentException("keying material must be " + 2 * (key + salt) + " bytes for " + profile);
        }
        this.clientWriteKey = Arrays.copyOfRange(keyingMaterial, 0, key);
        this.serverWriteKey = Arrays.copyOfRange(keyingMaterial, key, 2 * key);
        this.clientWriteSalt = Arrays.copyOfRange(keyingMaterial, 2 * key, 2 * key + salt);
        this.serverWriteSalt = Arrays.copyOfRange(keyingMaterial, 2 * key + salt, 2 * (key + salt));
    }

    /** Our role in the handshake, which decides which keys are local. */
    public DtlsRole role() {
        return role;
    }

    /** The negotiated SRTP protection profile. */
    public DtlsSrtpProfile profile() {
        return profile;
    }

    /** The negotiated profile's {@code use_srtp} identifier, e.g. 0x0007 for AEAD_AES_128_GCM. */
    public int profileId() {
        return profile.id();
    }

    /** The negotiated TLS cipher suite (IANA value), for diagnostics. */
    public int cipherSuite() {
        return cipherSuite;
    }

    /** Master key for SRTP/SRTCP we send (protect). */
    public byte[] localKey() {
        return (role == DtlsRole.CLIENT ? clientWriteKey : serverWriteKey).clone();
    }

    /** Master salt for SRTP/SRTCP we send (protect). */
    public byte[] localSalt() {
        return (role == DtlsRole.CLIENT ? clientWriteSalt : serverWriteSalt).clone();
    }

    /** Master key for SRTP/SRTCP we receive (unprotect). */
    public byte[] remoteKey() {
        return (role == DtlsRole.CLIENT ? serverWriteKey : clientWriteKey).clone();
    }

    /** Master salt for SRTP/SRTCP we receive (unprotect). */
    public byte[] remoteSalt() {
        return (role == DtlsRole.CLIENT ? serverWriteSalt : clientWriteSalt).clone();
    }

    public byte[] clientWriteKey() {
        return clientWriteKey.clone();
    }

    public byte[] serverWriteKey() {
        return serverWriteKey.clone();
    }

    public byte[] clientWriteSalt() {
        return clientWriteSalt.clone();
    }

    public byte[] serverWriteSalt() {
        return serverWriteSalt.clone();
    }

    @Override
    public String toString() {
        return "DtlsResult[role=" + role + ", profile=" + profile + ", cipherSuite=0x"
                + Integer.toHexString(cipherSuite) + "]";
    }
}
