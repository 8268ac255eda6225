package dev.parley.server.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;

/**
 * Verifies Parley's tokens the way a customer's service would: with the public keys
 * fetched from {@code /.well-known/jwks.json}, by nimbus, and once more by the JDK alone so
 * the check does not rest on the library that signed.
 */
public final class Tokens {

    private Tokens() {
    }

    /** Verifies {@code token} against the server's JWKS and returns its claims. */
    public static JWTClaimsSet verify(Http http, String token) {
        try {
            var jwks = JWKSet.parse(http.get("/.well-known/jwks.json").body());
            var jwt = SignedJWT.parse(token);
            assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm(), "alg");
            String kid = jwt.getHeader().getKeyID();
            var jwk = jwks.getKeyByKeyId(kid);
            if (jwk == null) {
                throw new AssertionError("kid " + kid + " is not in the JWKS " + jwks);
            }
            ECKey key = jwk.toECKey();
            assertTrue(jwt.verify(new ECDSAVerifier(key)), "nimbus: signature verifies with the published key");
            assertTrue(verifyWithJdk(token, http.get("/.well-known/jwks.json").json(), kid),
                    "JDK: signature verifies with the published key");
            return jwt.getJWTClaimsSet();
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
            throw new AssertionError("token does not parse: " + e.getMessage(), e);
        }
    }

    /** ES256 by hand: JWS signing input, P1363 (r||s) signature, key from the JWK's x and y. */
    static boolean verifyWithJdk(String token, JsonNode jwks, String kid) {
        try {
            JsonNode jwk = null;
            for (JsonNode k : jwks.get("keys")) {
                if (kid.equals(k.get("kid").asText())) {
                    jwk = k;
                }
            }
            if (jwk == null || !"EC".equals(jwk.get("kty").asText()) || !"P-256".equals(jwk.get("crv").asText())) {
                return false;
            }
            var decoder = Base64.getUrlDecoder();
            var point = new ECPoint(new BigInteger(1, decoder.decode(jwk.get("x").asText())),
                    new BigInteger(1, decoder.decode(jwk.get("y").asText())));
            var parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            var publicKey = (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
            int lastDot = token.lastIndexOf('.');
            var verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(publicKey);
            verifier.update(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(decoder.decode(token.substring(lastDot + 1)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
