package dev.parley.protocol.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DtlsCertificateTest {

    private static final Pattern SDP_FINGERPRINT = Pattern.compile("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}");

    @Test
    void fingerprintIsTheSha256OfTheDerInSdpForm() throws Exception {
        DtlsCertificate certificate = DtlsCertificate.generate();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.encoded());
        StringBuilder expected = new StringBuilder();
        for (byte b : digest) {
            expected.append(expected.isEmpty() ? "" : ":").append(String.format("%02X", b & 0xff));
        }
        assertEquals("sha-256", certificate.fingerprintAlgorithm());
        assertEquals(expected.toString(), certificate.fingerprintValue());
        assertEquals("sha-256 " + expected, certificate.fingerprint());
        assertTrue(SDP_FINGERPRINT.matcher(certificate.fingerprint()).matches(), certificate.fingerprint());
        assertEquals(DtlsFingerprint.parse(certificate.fingerprint()).orElseThrow(), certificate.fingerprint("SHA-256"));
        assertEquals(HexFormat.ofDelimiter(":").withUpperCase().formatHex(
                MessageDigest.getInstance("SHA-1").digest(certificate.encoded())),
                certificate.fingerprint("sha-1").value());
    }

    @Test
    void isASelfSignedEcdsaP256CertificateTheJdkAccepts() throws Exception {
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        DtlsCertificate certificate = DtlsCertificate.generate(now);
        var x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate.encoded()));
        assertEquals("SHA256withECDSA", x509.getSigAlgName());
        x509.verify(x509.getPublicKey()); // self-signed
        var key = (ECPublicKey) x509.getPublicKey();
        assertEquals(256, key.getParams().getCurve().getField().getFieldSize());
        assertEquals(x509.getSubjectX500Principal(), x509.getIssuerX500Principal());
        assertTrue(x509.getSubjectX500Principal().getName().matches("CN=[0-9a-f]{16}"),
                x509.getSubjectX500Principal().getName());
        assertEquals(now.minus(Duration.ofDays(30)), x509.getNotBefore().toInstant());
        assertEquals(now.plus(Duration.ofDays(365)), x509.getNotAfter().toInstant());
        assertEquals(certificate.notBefore(), x509.getNotBefore().toInstant());
        assertTrue(x509.getSerialNumber().signum() > 0);
        assertEquals(3, x509.getVersion());
    }

    @Test
    void eachCertificateIsNew() {
        DtlsCertificate one = DtlsCertificate.generate();
        DtlsCertificate two = DtlsCertificate.generate();
        assertNotEquals(one.fingerprint(), two.fingerprint());
        assertTrue(one.toString().contains(one.fingerprintValue()));
        byte[] copy = one.encoded();
        copy[0] ^= 1;
        assertNotEquals(copy[0], one.encoded()[0], "encoded() hands out a copy");
    }
}
