package dev.parley.platform.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Checks tokens that clients present (signaling, WHIP/WHEP): an ES256 signature by one of
 * the published signing keys, not expired, and of the expected use. Every failure is a
 * {@link InvalidToken} with a reason safe to show the client.
 */
public final class TokenVerifier {

    /** A token that must be refused; the message says why without revealing keys or internals. */
    public static final class InvalidToken extends RuntimeException {
        public InvalidToken(String message) {
            super(message);
        }
    }

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final int MAX_TOKEN_LENGTH = 8192;

    private final SigningKeyRing keys;
    private final Clock clock;

    public TokenVerifier(SigningKeyRing keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Verifies an identity token (from {@code POST /webrtc/1/token}). */
    public VerifiedIdentity identity(String token) {
        JWTClaimsSet claims = verify(token, IdentityTokens.USE);
        try {
            String identity = claims.getStringClaim("identity");
            String account = claims.getStringClaim("account");
            if (identity == null || account == null) {
                throw new InvalidToken("the token lacks its identity or account");
            }
            Optional<RecordingCapability> recording = Optional.ofNullable(claims.getStringClaim("recording"))
                    .flatMap(name -> Arrays.stream(RecordingCapability.values())
                            .filter(c -> c.name().equals(name)).findFirst());
            return new VerifiedIdentity(identity, account, Optional.ofNullable(claims.getStringClaim("displayName")),
                    recording, claims.getJWTID(), claims.getExpirationTime().toInstant(), false,
                    Optional.ofNullable(claims.getStringClaim(IdentityTokens.CALL_LINK_CLAIM)));
        } catch (ParseException e) {
            throw new InvalidToken("the token's claims have the wrong types");
        }
    }

    /**
     * Verifies a token a signaling client presents: an identity token, or an OAuth access
     * token with scope {@value AccessTokens#SCOPE} (an app placing phone calls, with no identity).
     */
    public VerifiedIdentity signaling(String token) {
        JWTClaimsSet claims = verify(token, IdentityTokens.USE, AccessTokens.USE);
        if (IdentityTokens.USE.equals(claims.getClaim(TokenSigner.TOKEN_USE))) {
            return identity(token);
        }
        try {
            String client = claims.getStringClaim("client_id");
            String account = claims.getStringClaim("account");
            String scope = claims.getStringClaim("scope");
            if (client == null || account == null) {
                throw new InvalidToken("the token lacks its client or account");
            }
            if (scope == null || !java.util.List.of(scope.split(" ")).contains(AccessTokens.SCOPE)) {
                throw new InvalidToken("the access token lacks the scope " + AccessTokens.SCOPE);
            }
            return new VerifiedIdentity(VerifiedIdentity.APPLICATION_PREFIX + client, account, Optional.empty(),
                    Optional.empty(), claims.getJWTID(), claims.getExpirationTime().toInstant(), true);
        } catch (ParseException e) {
            throw new InvalidToken("the token's claims have the wrong types");
        }
    }

    private JWTClaimsSet verify(String token, String... expectedUses) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidToken("no token, or a token of an impossible size");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidToken("the token is not a JWT");
        }
        if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidToken("the token is not signed with ES256");
        }
        String kid = jwt.getHeader().getKeyID();
        SigningKey key = keys.publishedKeys().stream().filter(k -> k.kid().equals(kid)).findFirst()
                .orElseThrow(() -> new InvalidToken("the token was not signed by a key of this server"));
        try {
            if (!jwt.verify(new ECDSAVerifier(key.publicKey()))) {
                throw new InvalidToken("the token's signature is wrong");
            }
        } catch (JOSEException e) {
            throw new InvalidToken("the token's signature cannot be checked");
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null || !now.isBefore(claims.getExpirationTime().toInstant().plus(CLOCK_SKEW))) {
            throw new InvalidToken("the token has expired");
        }
        Object use = claims.getClaim(TokenSigner.TOKEN_USE);
        if (!java.util.Arrays.asList(expectedUses).contains(use)) {
            throw new InvalidToken("this is not an " + String.join(" or ", expectedUses) + " token");
        }
        return claims;
    }
}
