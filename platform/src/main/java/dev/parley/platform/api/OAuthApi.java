package dev.parley.platform.api;

import static io.javalin.http.HandlerType.POST;

import dev.parley.platform.token.AccessTokens;
import dev.parley.platform.token.ClientCredential;
import dev.parley.platform.token.ClientCredentialService;
import dev.parley.platform.token.TokenLimits;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /oauth2/token}: the client-credentials grant (RFC 6749 §4.4). The client
 * authenticates with HTTP Basic (§2.3.1; {@code client_id}/{@code client_secret} in the
 * body are accepted too, but not both at once) and receives a 600-second access token with
 * scope {@code voice.webrtc}.
 */
final class OAuthApi {

    private static final String GRANT = "client_credentials";

    private OAuthApi() {
    }

    static void register(RouteTable routes, Requests requests, ClientCredentialService credentials,
                         AccessTokens tokens, RateLimits limits) {
        routes.publicRoute(POST, "/oauth2/token", ctx -> {
            Optional<String[]> basic = basicCredentials(ctx);
            Map<String, String> form = readForm(ctx, requests);
            ClientCredential client = authenticate(basic, form, credentials,
                    () -> limits.check("oauth-failed:" + ctx.ip()));
            // Counted per authenticated client, so nobody can spend another client's budget by
            // sending its id with a wrong secret; failed attempts are counted per remote address.
            limits.check("oauth:" + client.clientId());

            String grant = form.get("grant_type");
            if (grant == null || grant.isEmpty()) {
                throw OAuthError.invalidRequest("grant_type is required");
            }
            if (!GRANT.equals(grant)) {
                throw new OAuthError(400, "unsupported_grant_type",
                        "only grant_type=client_credentials is supported", Map.of());
            }
            String scope = form.getOrDefault("scope", AccessTokens.SCOPE);
            if (!Arrays.stream(scope.strip().split(" +")).allMatch(AccessTokens.SCOPE::equals)) {
                throw new OAuthError(400, "invalid_scope", "the only scope is " + AccessTokens.SCOPE, Map.of());
            }

            var issued = tokens.issue(client);
            var body = new LinkedHashMap<String, Object>();
            body.put("access_token", issued.token());
            body.put("access_token_id", issued.id());
            body.put("token_type", "Bearer");
            body.put("expires_in", TokenLimits.ACCESS_TOKEN_TTL.toSeconds());
            body.put("scope", AccessTokens.SCOPE);
            ctx.header("Cache-Control", "no-store").header("Pragma", "no-cache");
            Json.write(ctx, requests.mapper(), 200, Requests.JSON, body);
        });
    }

    private static Map<String, String> readForm(Context ctx, Requests requests) {
        try {
            return requests.form(ctx);
        } catch (ApiProblem problem) {
            if (problem.status() == 400) {
                throw OAuthError.invalidRequest(problem.getMessage());
            }
            throw problem;
        }
    }

    private static ClientCredential authenticate(Optional<String[]> basic, Map<String, String> form,
                                                 ClientCredentialService credentials, Runnable onFailure) {
        boolean inBody = form.containsKey("client_id") || form.containsKey("client_secret");
        if (basic.isPresent() && inBody) {
            throw OAuthError.invalidRequest("use one client authentication method, not both");
        }
        String clientId;
        String secret;
        if (basic.isPresent()) {
            clientId = basic.get()[0];
            secret = basic.get()[1];
        } else if (inBody) {
            clientId = form.getOrDefault("client_id", "");
            secret = form.getOrDefault("client_secret", "");
        } else {
            onFailure.run();
            throw OAuthError.invalidClient("client authentication is required (HTTP Basic with clientId:clientSecret)");
        }
        Optional<ClientCredential> client = credentials.authenticate(clientId, secret);
        if (client.isEmpty()) {
            onFailure.run();
            throw OAuthError.invalidClient("unknown client or wrong secret");
        }
        return client.get();
    }

    /** The client id and secret of an {@code Authorization: Basic} header, form-decoded per RFC 6749 §2.3.1. */
    private static Optional<String[]> basicCredentials(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw OAuthError.invalidClient("the Authorization header must use the Basic scheme");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidClient("the Basic credentials are not valid base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw OAuthError.invalidClient("the Basic credentials must read clientId:clientSecret");
        }
        try {
            return Optional.of(new String[] {
                    java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)});
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidClient("the Basic credentials are not valid form encoding");
        }
    }
}
