package dev.parley.platform.api;

import dev.parley.platform.account.ApiKey;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers routes with Javalin and remembers them, so a test can hold the list against
 * {@code /openapi.json}. A route is either public or needs an {@code App} API key; the key
 * is checked here, before the handler runs, so no handler can forget it.
 */
final class RouteTable {

    enum Access { PUBLIC, APP_KEY }

    record Route(String method, String path, Access access) {
    }

    /** A handler for a route that has been authenticated with an API key. */
    @FunctionalInterface
    interface KeyHandler {
        void handle(Context ctx, ApiKey caller) throws Exception;
    }

    private final RoutesConfig routes;
    private final Authenticator authenticator;
    private final List<Route> registered = new ArrayList<>();

    RouteTable(RoutesConfig routes, Authenticator authenticator) {
        this.routes = routes;
        this.authenticator = authenticator;
    }

    void publicRoute(HandlerType method, String path, Handler handler) {
        add(method, path, Access.PUBLIC, handler);
    }

    void withKey(HandlerType method, String path, KeyHandler handler) {
        add(method, path, Access.APP_KEY, ctx -> handler.handle(ctx, authenticator.apiKey(ctx)));
    }

    List<Route> registered() {
        return List.copyOf(registered);
    }

    private void add(HandlerType method, String path, Access access, Handler handler) {
        registered.add(new Route(method.name(), path, access));
        routes.addHttpHandler(method, path, handler);
    }
}
