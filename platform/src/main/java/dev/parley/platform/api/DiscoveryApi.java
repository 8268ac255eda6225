package dev.parley.platform.api;

import static io.javalin.http.HandlerType.GET;

import dev.parley.platform.token.SigningKeyRing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Public documents: the JWK Set that verifies Parley's tokens, and the OpenAPI description. */
final class DiscoveryApi {

    static final String OPENAPI_RESOURCE = "/openapi.json";

    private DiscoveryApi() {
    }

    static void register(RouteTable routes, Requests requests, SigningKeyRing keys) {
        byte[] openApi = openApiDocument();
        routes.publicRoute(GET, "/.well-known/jwks.json", ctx -> {
            // Short caching: verifiers refetch soon after a rotation publishes a new key.
            ctx.header("Cache-Control", "public, max-age=300");
            Json.write(ctx, requests.mapper(), 200, "application/jwk-set+json", keys.jwks());
        });
        routes.publicRoute(GET, "/openapi.json", ctx -> ctx.contentType(Requests.JSON).result(openApi));
    }

    static byte[] openApiDocument() {
        try (InputStream in = DiscoveryApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the platform jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
