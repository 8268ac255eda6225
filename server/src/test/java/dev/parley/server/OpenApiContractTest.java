package dev.parley.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.support.TestDatabase;
import dev.parley.server.support.TestServer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /openapi.json} describes exactly the routes the server has, with the right security. */
class OpenApiContractTest {

    @TempDir
    Path dir;

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
        try (var database = TestDatabase.h2(dir.resolve("data"));
             var server = TestServer.start(database, dir, Map.of())) {
            var response = server.http().get("/openapi.json");
            assertEquals(200, response.status());
            JsonNode document = response.json();
            assertTrue(document.get("openapi").asText().startsWith("3."), "an OpenAPI 3 document");

            Set<String> documented = new TreeSet<>();
            document.get("paths").properties().forEach(path ->
                    path.getValue().properties().forEach(method ->
                            documented.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
            Set<String> registered = new TreeSet<>();
            server.server().api().routes().forEach(route -> registered.add(route.method() + " " + route.path()));

            assertTrue(registered.size() >= 13, "routes registered: " + registered);
            assertEquals(registered, documented, "routes in the server vs. routes in /openapi.json");

            for (var route : server.server().api().routes()) {
                JsonNode operation = document.get("paths").get(route.path()).get(route.method().toLowerCase(Locale.ROOT));
                boolean documentsKey = operation.has("security") && operation.get("security").toString().contains("appKey");
                assertEquals(route.needsApiKey(), documentsKey, route + ": security in the document");
                assertTrue(operation.hasNonNull("operationId"), route + " has an operationId");
            }
        }
    }
}
