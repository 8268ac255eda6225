package dev.parley.platform.token;

/**
 * Issues OAuth 2.0 access tokens for the client-credentials grant. Claims: {@code sub} and
 * {@code client_id} (the client), {@code account}, {@code scope}, plus the standard ones.
 * Such a token lets an app place calls without an identity of its own.
 */
public final class AccessTokens {

    public static final String USE = "access";
    public static final String SCOPE = "voice.webrtc";

    private final TokenSigner signer;

    public AccessTokens(TokenSigner signer) {
        this.signer = signer;
    }

    public IssuedToken issue(ClientCredential client) {
        return signer.sign(client.clientId(), USE, TokenLimits.ACCESS_TOKEN_TTL, claims -> {
            claims.claim("client_id", client.clientId());
            claims.claim("account", client.accountId());
            claims.claim("scope", SCOPE);
        });
    }
}
