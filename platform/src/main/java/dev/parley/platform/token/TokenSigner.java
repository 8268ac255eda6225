package dev.parley.platform.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.platform.common.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;

/**
 * Signs JWTs with the ring's active key. Every token gets {@code iss}, {@code iat},
 * {@code exp}, a fresh {@code jti} and a {@code kid} header naming the key that signed it.
 */
public final class TokenSigner {

    /** The {@code token_use} claim tells identity tokens and OAuth access tokens apart. */
    public static final String TOKEN_USE = "token_use";

    private record Signer(String kid, ECDSASigner signer) {
    }

    private final SigningKeyRing ring;
    private final Clock clock;
    private final String issuer;
    private volatile Signer signer;

    public TokenSigner(SigningKeyRing ring, Clock clock, String issuer) {
        this.ring = ring;
        this.clock = clock;
        this.issuer = issuer;
    }

    public IssuedToken sign(String subject, String tokenUse, Duration lifetime, Consumer<JWTClaimsSet.Builder> claims) {
        Instant now = clock.instant();
        // JWT times are whole seconds; truncate so that exp - iat is exactly the lifetime.
        Instant issuedAt = Instant.ofEpochSecond(now.getEpochSecond());
        Instant expiresAt = issuedAt.plus(lifetime);
        String jti = Secrets.id("jti", 24);
        var builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(jti)
                .claim(TOKEN_USE, tokenUse);
        claims.accept(builder);
        Signer current = currentSigner();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(JOSEObjectType.JWT)
                .keyID(current.kid())
                .build(), builder.build());
        try {
            jwt.sign(current.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with key " + current.kid() + " failed", e);
        }
        return new IssuedToken(jwt.serialize(), jti, issuedAt, expiresAt);
    }

    public String issuer() {
        return issuer;
    }

    private Signer currentSigner() {
        SigningKey active = ring.activeKey();
        Signer s = signer;
        if (s == null || !s.kid().equals(active.kid())) {
            try {
                s = new Signer(active.kid(), new ECDSASigner(active.privateKey()));
            } catch (JOSEException e) {
                throw new IllegalStateException("signing key " + active.kid() + " is unusable", e);
            }
            signer = s;
        }
        return s;
    }
}
