package dev.parley.platform.api;

import static io.javalin.http.HandlerType.GET;

import dev.parley.platform.store.Database;
import java.util.Map;

/** Liveness (the process answers) and readiness (the database answers too). */
final class HealthApi {

    private HealthApi() {
    }

    static void register(RouteTable routes, Requests requests, Database database) {
        routes.publicRoute(GET, "/health/live", ctx ->
                Json.write(ctx, requests.mapper(), 200, Requests.JSON, Map.of("status", "UP")));
        routes.publicRoute(GET, "/health/ready", ctx -> {
            if (!database.isReachable()) {
                throw new ApiProblem(503, "Service unavailable", "the database does not answer");
            }
            Json.write(ctx, requests.mapper(), 200, Requests.JSON, Map.of("status", "UP", "database", "UP"));
        });
    }
}
