package dev.parley.platform.token;

/**
 * Issues identity tokens: what an end user's app presents to the signaling server. Claims:
 * {@code sub} and {@code identity} (the end user), {@code displayName}, {@code account},
 * {@code recording} (when set), {@code callLink} (the link id, for a call-link end user), plus
 * the standard ones from {@link TokenSigner}.
 */
public final class IdentityTokens {

    public static final String USE = "identity";
    /** The claim naming the call link a token was issued for. */
    public static final String CALL_LINK_CLAIM = "callLink";

    private final TokenSigner signer;

    public IdentityTokens(TokenSigner signer) {
        this.signer = signer;
    }

    public IssuedToken issue(String accountId, IdentityTokenRequest request) {
        return signer.sign(request.identity(), USE, request.timeToLive(), claims -> {
            claims.claim("identity", request.identity());
            claims.claim("account", accountId);
            request.displayName().ifPresent(name -> claims.claim("displayName", name));
            request.recording().ifPresent(recording -> claims.claim("recording", recording.name()));
            request.callLink().ifPresent(link -> claims.claim(CALL_LINK_CLAIM, link));
        });
    }
}
