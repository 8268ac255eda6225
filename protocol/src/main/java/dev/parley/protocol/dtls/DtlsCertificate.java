package dev.parley.protocol.dtls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;

/**
 * The self-signed certificate that identifies us in DTLS-SRTP (RFC 5763 §5): an ECDSA P-256
 * key, signed with SHA256withECDSA, a short random common name and no extensions, like the
 * certificates browsers make for {@code RTCPeerConnection}. Nobody validates its chain or
 * dates; the peer checks it against the fingerprint we put in our SDP.
 *
 * <p>It is immutable and thread-safe: one certificate can serve every connection of a process
 * (the SFU makes one at start-up). Generating one costs a key pair and a signature, about a
 * millisecond.
 */
public final class DtlsCertificate {

    /** How far back the validity starts, so peers with a skewed clock do not reject it. */
    public static final Duration BACKDATE = Duration.ofDays(30);
    /** How long after creation the certificate stays valid. */
    public static final Duration LIFETIME = Duration.ofDays(365);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] der;
    private final AsymmetricKeyParameter privateKey;
    private final DtlsFingerprint sha256;
    private final Instant notBefore;
    private final Instant notAfter;

    private DtlsCertificate(byte[] der, AsymmetricKeyParameter privateKey, Instant notBefore, Instant notAfter) {
        this.der = der;
        this.privateKey = privateKey;
        this.sha256 = DtlsFingerprint.compute("sha-256", der);
        this.notBefore = notBefore;
        this.notAfter = notAfter;
    }

    /** A fresh certificate valid from 30 days ago to a year from now. */
    public static DtlsCertificate generate() {
        return generate(Instant.now());
    }

    /** A fresh certificate whose validity is computed from {@code now} (a seam for tests). */
    public static DtlsCertificate generate(Instant now) {
        var domain = ECNamedDomainParameters.lookup(SECObjectIdentifiers.secp256r1);
        var generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(domain, RANDOM));
        AsymmetricCipherKeyPair keys = generator.generateKeyPair();

        Instant notBefore = now.minus(BACKDATE);
        Instant notAfter = now.plus(LIFETIME);
        X500Name name = randomName();
        try {
            var builder = new X509v3CertificateBuilder(name, new BigInteger(63, RANDOM).add(BigInteger.ONE),
                    Date.from(notBefore), Date.from(notAfter), name,
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(keys.getPublic()));
            AlgorithmIdentifier signature = new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
            AlgorithmIdentifier digest = new DefaultDigestAlgorithmIdentifierFinder().find(signature);
            var signer = new BcECContentSignerBuilder(signature, digest).build(keys.getPrivate());
            byte[] der = builder.build(signer).getEncoded();
            return new DtlsCertificate(der, keys.getPrivate(), notBefore, notAfter);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the DTLS certificate", e);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("could not sign the DTLS certificate", e);
        }
    }

    private static X500Name randomName() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, HexFormat.of().formatHex(bytes)).build();
    }

    /** The SDP {@code a=fingerprint} value, {@code "sha-256 AB:CD:..."}. */
    public String fingerprint() {
        return sha256.toSdp();
    }

    /** {@code "sha-256"}. */
    public String fingerprintAlgorithm() {
        return sha256.algorithm();
    }

    /** The SHA-256 of the DER certificate, upper-case hex pairs separated by colons. */
    public String fingerprintValue() {
        return sha256.value();
    }

    /** The fingerprint under another hash ({@code sha-1}, {@code sha-384}, ...). */
    public DtlsFingerprint fingerprint(String algorithm) {
        return algorithm.equalsIgnoreCase(sha256.algorithm()) ? sha256 : DtlsFingerprint.compute(algorithm, der);
    }

    /** The DER encoding of the certificate (a copy). */
    public byte[] encoded() {
        return der.clone();
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notAfter() {
        return notAfter;
    }

    byte[] der() {
        return der;
    }

    AsymmetricKeyParameter privateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "DtlsCertificate[" + fingerprint() + "]";
    }
}
