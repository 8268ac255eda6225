package dev.parley.platform.api;

import static io.javalin.http.HandlerType.POST;

import dev.parley.platform.account.AccountService;
import dev.parley.platform.common.InvalidInput;
import dev.parley.platform.identity.IdentityDirectory;
import dev.parley.platform.token.IdentityTokenRequest;
import dev.parley.platform.token.IdentityTokens;
import dev.parley.platform.token.TokenLimits;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * {@code POST /demo/token}: anyone who can reach the server signs in to the demo app as an
 * identity of the first account, without an API key. That is only safe on a private test
 * setup, so it is on by default only with the embedded database and answers 404 otherwise
 * ({@code demo.token-endpoint}).
 */
final class DemoApi {

    private DemoApi() {
    }

    static void register(RouteTable routes, Requests requests, boolean enabled, AccountService accounts,
                         IdentityTokens tokens, IdentityDirectory identities, RateLimits limits) {
        routes.publicRoute(POST, "/demo/token", ctx -> {
            if (!enabled) {
                throw ApiProblem.notFound("the demo token endpoint is off (demo.token-endpoint)");
            }
            // Per client address: there is no key to count against.
            limits.check("demo:" + ctx.ip());
            var body = requests.json(ctx);
            String identity = body.requiredString("identity");
            Optional<String> displayName = body.string("displayName");
            body.rejectUnknownFields();
            IdentityTokenRequest request;
            try {
                request = new IdentityTokenRequest(identity, displayName, TokenLimits.DEFAULT_IDENTITY_TTL, Optional.empty());
            } catch (InvalidInput e) {
                throw ApiProblem.invalid(e);
            }
            String accountId = accounts.listAccounts().stream().findFirst()
                    .orElseThrow(() -> ApiProblem.notFound("there is no account yet")).id();
            var issued = tokens.issue(accountId, request);
            identities.touch(accountId, request.identity(), request.displayName());
            var answer = new LinkedHashMap<String, Object>();
            answer.put("token", issued.token());
            answer.put("identity", request.identity());
            answer.put("expiresAt", issued.expiresAt().toString());
            Json.write(ctx, requests.mapper(), 200, Requests.JSON, answer);
        });
    }
}
