package dev.parley.platform.api;

import dev.parley.platform.account.AccountService;
import dev.parley.platform.account.ApiKey;
import io.javalin.http.Context;

/** Checks {@code Authorization: App <key>} against the stored key hashes. */
final class Authenticator {

    private static final String SCHEME = "App ";

    private final AccountService accounts;

    Authenticator(AccountService accounts) {
        this.accounts = accounts;
    }

    ApiKey apiKey(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw ApiProblem.unauthorized("this endpoint needs an 'Authorization: App <API key>' header");
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw ApiProblem.unauthorized("the Authorization header must use the App scheme: 'App <API key>'");
        }
        String presented = header.substring(SCHEME.length()).strip();
        return accounts.authenticate(presented)
                .orElseThrow(() -> ApiProblem.unauthorized("the API key is unknown or revoked"));
    }
}
