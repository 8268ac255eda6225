package dev.parley.platform.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import dev.parley.platform.token.ClientCredential;
import dev.parley.platform.token.ClientCredentialService;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /webrtc/1/credentials}: OAuth client credentials of the caller's account. */
final class CredentialsApi {

    private CredentialsApi() {
    }

    static void register(RouteTable routes, Requests requests, ClientCredentialService credentials) {
        routes.withKey(POST, "/webrtc/1/credentials", (ctx, caller) -> {
            var body = requests.json(ctx);
            String name = body.string("name").orElse("WebRTC credentials");
            body.rejectUnknownFields();
            var issued = credentials.create(caller.accountId(), name);
            var view = view(issued.credential());
            view.put("clientSecret", issued.clientSecret());
            Json.write(ctx, requests.mapper(), 201, Requests.JSON, view);
        });
        routes.withKey(GET, "/webrtc/1/credentials", (ctx, caller) -> {
            var page = credentials.list(caller.accountId(), requests.page(ctx));
            Json.write(ctx, requests.mapper(), 200, Requests.JSON,
                    Requests.pageBody(page, page.results().stream().map(CredentialsApi::view).toList()));
        });
        routes.withKey(GET, "/webrtc/1/credentials/{clientId}", (ctx, caller) ->
                Json.write(ctx, requests.mapper(), 200, Requests.JSON,
                        view(credentials.get(caller.accountId(), ctx.pathParam("clientId")))));
        routes.withKey(DELETE, "/webrtc/1/credentials/{clientId}", (ctx, caller) -> {
            credentials.delete(caller.accountId(), ctx.pathParam("clientId"));
            ctx.status(204);
        });
    }

    private static Map<String, Object> view(ClientCredential credential) {
        var view = new LinkedHashMap<String, Object>();
        view.put("clientId", credential.clientId());
        view.put("name", credential.name());
        view.put("createdAt", credential.createdAt().toString());
        return view;
    }
}
