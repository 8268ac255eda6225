package dev.parley.protocol.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.Malformed;
import dev.parley.protocol.fuzz.Fuzzer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DtlsFingerprintTest {

    /** The example attribute of RFC 4572 §5 and RFC 8122 §5 (hash name in upper case there). */
    private static final String RFC_EXAMPLE = "SHA-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB";
    /** A SHA-256 fingerprint, the form browsers send. */
    private static final String SHA256 = "sha-256 19:E2:1C:3B:4B:9F:81:E6:B8:5C:F4:A5:A8:D8:73:04:"
            + "BB:05:2F:70:9F:04:A9:0E:05:E9:26:33:E8:70:88:A2";

    @Test
    void parsesTheRfcExample() {
        DtlsFingerprint fingerprint = DtlsFingerprint.parse(RFC_EXAMPLE).orElseThrow();
        assertEquals("sha-1", fingerprint.algorithm());
        assertEquals("4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB", fingerprint.value());
        assertEquals("sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB", fingerprint.toSdp());
    }

    @Test
    void parsesSha256AndNormalisesCaseAndSpaces() {
        DtlsFingerprint fingerprint = DtlsFingerprint.parse(SHA256).orElseThrow();
        assertEquals("sha-256", fingerprint.algorithm());
        assertEquals(SHA256, fingerprint.toSdp());
        var sloppy = DtlsFingerprint.parse("  SHA-256   " + SHA256.substring(8).toLowerCase() + " ").orElseThrow();
        assertEquals(fingerprint, sloppy);
    }

    @Test
    void computesOverTheDerAndMatches() throws Exception {
        byte[] der = DtlsPair.CLIENT_CERTIFICATE.encoded();
        for (String algorithm : List.of("sha-1", "sha-224", "sha-256", "sha-384", "sha-512")) {
            String jdk = algorithm.toUpperCase();
            byte[] digest = MessageDigest.getInstance(jdk).digest(der);
            DtlsFingerprint fingerprint = DtlsFingerprint.compute(algorithm, der);
            assertEquals(HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest), fingerprint.value());
            assertTrue(fingerprint.matches(der));
            der[10] ^= 1;
            assertFalse(fingerprint.matches(der));
            der[10] ^= 1;
        }
    }

    @Test
    void refusesWhatIsNotAFingerprint() {
        long before = Malformed.total(Malformed.Kind.SDP);
        String value = SHA256.substring(8);
        for (String bad : List.of("", "sha-256", "md5 " + value.substring(0, 47), "sha-256 " + value.substring(3),
                "sha-256 " + value + ":00", "sha-256 " + value.replace(':', '-'), "sha-256 " + value.replace('E', 'G'),
                "sha-1 " + value, "foo " + value)) {
            assertEquals(Optional.empty(), DtlsFingerprint.parse(bad), bad);
        }
        assertEquals(Optional.empty(), DtlsFingerprint.of("sha-256", "AB"));
        assertTrue(Malformed.total(Malformed.Kind.SDP) >= before + 10);
        assertThrows(IllegalArgumentException.class, () -> new DtlsFingerprint("sha-256", "AB:CD"));
        assertThrows(IllegalArgumentException.class, () -> DtlsFingerprint.compute("md5", new byte[1]));
    }

    @Test
    void fuzzParse() {
        List<byte[]> seeds = List.of(RFC_EXAMPLE.getBytes(StandardCharsets.ISO_8859_1),
                SHA256.getBytes(StandardCharsets.ISO_8859_1),
                DtlsPair.SERVER_CERTIFICATE.fingerprint("sha-1").toSdp().getBytes(StandardCharsets.ISO_8859_1));
        Fuzzer.run("DtlsFingerprint.parse", seeds,
                input -> DtlsFingerprint.parse(new String(input, StandardCharsets.ISO_8859_1)));
    }
}
