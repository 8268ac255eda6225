package dev.parley.platform.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * An ES256 (ECDSA P-256) key that signs tokens. Its {@code kid} is the RFC 7638 JWK
 * thumbprint of the public key, so the id is derived from the key and never collides.
 */
public record SigningKey(String kid, ECPrivateKey privateKey, ECPublicKey publicKey, Instant createdAt,
                         Optional<Instant> retiredAt) {

    public static final String ALGORITHM = "ES256";

    public static SigningKey generate(Instant now) {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            var pair = generator.generateKeyPair();
            var publicKey = (ECPublicKey) pair.getPublic();
            String kid = new ECKey.Builder(Curve.P_256, publicKey).build().computeThumbprint().toString();
            return new SigningKey(kid, (ECPrivateKey) pair.getPrivate(), publicKey, now, Optional.empty());
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
    }

    /** Rebuilds a key from its stored PKCS#8 and X.509 encodings (base64). */
    public static SigningKey decode(String kid, String privateKey, String publicKey, Instant createdAt,
                                    Optional<Instant> retiredAt) {
        try {
            var factory = KeyFactory.getInstance("EC");
            var priv = (ECPrivateKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
            var pub = (ECPublicKey) factory.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            return new SigningKey(kid, priv, pub, createdAt, retiredAt);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("stored signing key " + kid + " cannot be read", e);
        }
    }

    public String encodedPrivateKey() {
        return Base64.getEncoder().encodeToString(privateKey.getEncoded());
    }

    public String encodedPublicKey() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** The public half as a JWK for {@code /.well-known/jwks.json}. */
    public ECKey publicJwk() {
        return new ECKey.Builder(Curve.P_256, publicKey)
                .keyID(kid)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256)
                .build();
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", createdAt=" + createdAt + ", retiredAt=" + retiredAt + "]";
    }
}
