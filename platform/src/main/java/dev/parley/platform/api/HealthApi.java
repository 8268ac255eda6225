package dev.parley.platform.api;

import static io.javalin.http.HandlerType.GET;

import dev.parley.platform.store.Database;
import java.time.Duration;
import java.util.Map;

/** Liveness (the process answers) and readiness (the database answers too). */
final class HealthApi {

    /** Readiness answers within this, whatever the database does: probes time out quickly. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(2);

    private HealthApi() {
    }

    static void register(RouteTable routes, Requests requests, Database database) {
        routes.publicRoute(GET, "/health/live", ctx ->
                Json.write(ctx, requests.mapper(), 200, Requests.JSON, Map.of("status", "UP")));
        routes.publicRoute(GET, "/health/ready", ctx -> {
            if (!database.isReachable(READY_TIMEOUT)) {
                throw new ApiProblem(503, "Service unavailable", "the database does not answer");
            }
            Json.write(ctx, requests.mapper(), 200, Requests.JSON, Map.of("status", "UP", "database", "UP"));
        });
    }
}
