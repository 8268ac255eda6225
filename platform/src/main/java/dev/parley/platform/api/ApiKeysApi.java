package dev.parley.platform.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import dev.parley.platform.account.AccountService;
import dev.parley.platform.account.ApiKey;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /accounts/1/api-keys}: an account manages its own API keys. */
final class ApiKeysApi {

    private ApiKeysApi() {
    }

    static void register(RouteTable routes, Requests requests, AccountService accounts) {
        routes.withKey(GET, "/accounts/1/api-keys", (ctx, caller) -> {
            var page = accounts.listApiKeys(caller.accountId(), requests.page(ctx));
            Json.write(ctx, requests.mapper(), 200, Requests.JSON,
                    Requests.pageBody(page, page.results().stream().map(ApiKeysApi::view).toList()));
        });
        routes.withKey(POST, "/accounts/1/api-keys", (ctx, caller) -> {
            var body = requests.json(ctx);
            String name = body.string("name").orElse("API key");
            body.rejectUnknownFields();
            var issued = accounts.createApiKey(caller.accountId(), name);
            var view = view(issued.key());
            view.put("key", issued.text());
            Json.write(ctx, requests.mapper(), 201, Requests.JSON, view);
        });
        routes.withKey(DELETE, "/accounts/1/api-keys/{keyId}", (ctx, caller) -> {
            accounts.revokeApiKey(caller.accountId(), ctx.pathParam("keyId"));
            ctx.status(204);
        });
    }

    private static Map<String, Object> view(ApiKey key) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", key.id());
        view.put("name", key.name());
        view.put("createdAt", key.createdAt().toString());
        view.put("active", key.isActive());
        key.revokedAt().ifPresent(at -> view.put("revokedAt", at.toString()));
        return view;
    }
}
