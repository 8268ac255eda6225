package dev.parley.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.server.support.Http;
import dev.parley.server.support.TestDatabase;
import dev.parley.server.support.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a client sends, the answer is a 4xx problem, never a 500, and the server carries
 * on. Every route gets the same hostile bodies, headers and parameters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private TestDatabase database;
    private TestServer server;
    private Http http;
    private String key;

    @BeforeAll
    void start(@TempDir Path dir) {
        database = TestDatabase.h2(dir.resolve("data"));
        server = TestServer.start(database, dir, Map.of());
        http = server.http();
        key = server.firstApiKey();
    }

    @AfterAll
    void stop() {
        server.close();
        database.close();
    }

    @Test
    void hostileBodiesGetClientErrorsOnEveryRoute() {
        var random = new Random(42);
        var bodies = new ArrayList<>(List.of(
                "", "null", "true", "\"string\"", "12345678901234567890123456789", "{", "}", "{\"identity\":}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
                "{\"identity\": \"\\u0000\\u0000\"}", "{\"identity\": \"" + "é".repeat(10_000) + "\"}",
                "{\"identity\": [\"alice\"]}", "{\"identity\": {\"x\": 1}}", "{\"timeToLive\": 1e999}",
                "{\"identity\": \"alice\", \"timeToLive\": -9223372036854775808}",
                "{\"identity\": \"alice\", \"capabilities\": []}", "{\"name\": \"" + "x".repeat(500) + "\"}",
                "{\"name\": 5}", "{\"name\": \"a\\u0007b\"}", "\uFEFF{\"identity\": \"alice\"}",
                "grant_type=%ZZ", "grant_type=client_credentials&scope=%"));
        for (int i = 0; i < 20; i++) {
            byte[] noise = new byte[random.nextInt(2000)];
            random.nextBytes(noise);
            bodies.add(new String(noise, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        var failures = new ArrayList<String>();
        for (var route : server.server().api().routes()) {
            String path = route.path().replaceAll("\\{[a-zA-Z]+}", "x_123");
            for (String body : bodies) {
                for (String type : List.of("application/json", "application/x-www-form-urlencoded", "text/plain")) {
                    // PUT routes get their bodies by PUT; every other route by POST.
                    String method = route.method().equals("PUT") ? "PUT" : "POST";
                    try {
                        var response = method.equals("PUT")
                                ? http.put(path, type, body, "Authorization", "App " + key)
                                : http.post(path, type, body, "Authorization", "App " + key);
                        if (response.status() >= 500) {
                            failures.add(method + " " + path + " [" + type + "] " + abbreviate(body) + " -> " + response);
                        }
                    } catch (RuntimeException e) {
                        failures.add(method + " " + path + " [" + type + "] " + abbreviate(body) + " -> " + e);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(200, http.get("/health/ready").status());
    }

    @Test
    void hostileHeadersAndParametersGetClientErrors() {
        var failures = new ArrayList<String>();
        List<String> authorizations = List.of("App", "App ", "App  .", "App .x", "App x.", "App " + "k".repeat(5000),
                "App ak_x.y.z", "app " + key, "Basic", "Basic !!!", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("nocolon".getBytes()), "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("%zz:%zz".getBytes()), "Bearer x");
        for (var route : server.server().api().routes()) {
            String path = route.path().replaceAll("\\{[a-zA-Z]+}", "%E2%98%83%27%3B%20DROP%20TABLE%20x%3B--" + "x".repeat(300));
            for (String authorization : authorizations) {
                for (String method : List.of("GET", "POST", "DELETE", "PUT", "PATCH", "OPTIONS")) {
                    var response = http.method(method, path + "?page=99999999999&size=-5", "Authorization", authorization);
                    if (response.status() >= 500) {
                        failures.add(method + " " + path + " [" + abbreviate(authorization) + "] -> " + response);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(http.get("/accounts/1/api-keys?page=99999999999", "Authorization", "App " + key).status() == 400);
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
