package dev.parley.platform.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PUT;

import dev.parley.platform.ddr.DynamicDestinationConfig;
import dev.parley.platform.ddr.DynamicDestinationConfigs;
import dev.parley.platform.ddr.DynamicDestinationSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /webrtc/1/dynamic-destination}: the caller's account's dynamic destination resolving. */
final class DynamicDestinationApi {

    private static final String PATH = "/webrtc/1/dynamic-destination";

    private DynamicDestinationApi() {
    }

    static void register(RouteTable routes, Requests requests, DynamicDestinationConfigs configs) {
        routes.withKey(GET, PATH, (ctx, caller) ->
                Json.write(ctx, requests.mapper(), 200, Requests.JSON, view(configs.get(caller.accountId()))));
        routes.withKey(PUT, PATH, (ctx, caller) -> {
            var body = requests.json(ctx);
            String callbackUrl = body.requiredString("callbackUrl");
            var authorization = body.string("authorization");
            var statusUrl = body.string("statusUrl");
            body.rejectUnknownFields();
            var config = configs.put(caller.accountId(), DynamicDestinationSpec.of(callbackUrl, authorization, statusUrl));
            Json.write(ctx, requests.mapper(), 200, Requests.JSON, view(config));
        });
        routes.withKey(DELETE, PATH, (ctx, caller) -> {
            configs.delete(caller.accountId());
            ctx.status(204);
        });
    }

    private static Map<String, Object> view(DynamicDestinationConfig config) {
        var view = new LinkedHashMap<String, Object>();
        view.put("callbackUrl", config.callbackUrl().toString());
        view.put("hasAuthorization", config.hasAuthorization());
        config.statusUrl().ifPresent(url -> view.put("statusUrl", url.toString()));
        view.put("createdAt", config.createdAt().toString());
        view.put("updatedAt", config.updatedAt().toString());
        return view;
    }
}
