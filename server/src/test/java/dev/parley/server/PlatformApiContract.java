package dev.parley.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.support.Http;
import dev.parley.server.support.ServerContract;
import dev.parley.server.support.TestServer;
import dev.parley.server.support.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The REST API of the platform foundation, end to end over HTTP against a real server and
 * a real database. Subclasses run it on H2 and on PostgreSQL.
 */
abstract class PlatformApiContract extends ServerContract {

    String key;

    @BeforeAll
    void firstAccount() {
        key = server.firstApiKey();
    }

    // --- health -------------------------------------------------------------------------

    @Test
    void healthEndpointsAnswerWithoutAKey() {
        assertEquals("UP", http.get("/health/live").json().get("status").asText());
        var ready = http.get("/health/ready");
        assertEquals(200, ready.status());
        assertEquals("UP", ready.json().get("database").asText());
    }

    // --- identity tokens ----------------------------------------------------------------

    @Test
    void identityTokenCarriesItsClaimsAndVerifiesThroughTheJwks() throws Exception {
        var response = http.postJson("/webrtc/1/token", key, """
                {"identity": "alice.smith", "displayName": "Alice Smith", "timeToLive": 3600,
                 "capabilities": {"recording": "ON_DEMAND"}}""");
        assertEquals(200, response.status(), response.body());
        String token = response.json().get("token").asText();
        var claims = Tokens.verify(http, token);

        assertEquals("alice.smith", claims.getStringClaim("identity"));
        assertEquals("alice.smith", claims.getSubject());
        assertEquals("Alice Smith", claims.getStringClaim("displayName"));
        assertEquals("ON_DEMAND", claims.getStringClaim("recording"));
        assertEquals(accountId(key), claims.getStringClaim("account"));
        assertEquals(http.baseUrl(), claims.getIssuer());
        assertFalse(claims.getJWTID().isBlank());
        assertEquals(3600, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
        assertEquals(claims.getExpirationTime().toInstant().toString(), response.json().get("expirationTime").asText());
    }

    @Test
    void identityTokenDefaultsToEightHoursAndEachTokenHasItsOwnJti() throws Exception {
        var first = Tokens.verify(http, token("bob_1", key));
        var second = Tokens.verify(http, token("bob_1", key));
        assertEquals(8 * 3600, (first.getExpirationTime().getTime() - first.getIssueTime().getTime()) / 1000);
        assertNotEquals(first.getJWTID(), second.getJWTID());
        assertEquals(null, first.getClaim("recording"), "no recording capability unless asked for");
    }

    @Test
    void identitiesFollowTheDocumentedSyntax() {
        for (String ok : List.of("abc", "José.García", "用户名字", "a-b+c=d/e_f", "x".repeat(64))) {
            assertEquals(200, http.postJson("/webrtc/1/token", key, "{\"identity\": \"" + ok + "\"}").status(), ok);
        }
        for (String bad : List.of("ab", "x".repeat(65), "with space", "semi;colon", "<script>", "")) {
            assertInvalid(http.postJson("/webrtc/1/token", key, "{\"identity\": \"" + bad + "\"}"), "identity");
        }
    }

    @Test
    void invalidTokenRequestsNameTheFieldAtFault() {
        assertInvalid(http.postJson("/webrtc/1/token", key, "{}"), "identity");
        assertInvalid(http.postJson("/webrtc/1/token", key, "{\"identity\": 42}"), "identity");
        assertInvalid(http.postJson("/webrtc/1/token", key,
                "{\"identity\": \"carol\", \"displayName\": \"" + "n".repeat(51) + "\"}"), "displayName");
        assertInvalid(http.postJson("/webrtc/1/token", key, "{\"identity\": \"carol\", \"displayName\": \"\"}"),
                "displayName");
        assertInvalid(http.postJson("/webrtc/1/token", key, "{\"identity\": \"carol\", \"timeToLive\": 86401}"),
                "timeToLive");
        assertInvalid(http.postJson("/webrtc/1/token", key, "{\"identity\": \"carol\", \"timeToLive\": 0}"),
                "timeToLive");
        assertInvalid(http.postJson("/webrtc/1/token", key, "{\"identity\": \"carol\", \"timeToLive\": \"1h\"}"),
                "timeToLive");
        assertInvalid(http.postJson("/webrtc/1/token", key,
                "{\"identity\": \"carol\", \"capabilities\": {\"recording\": \"SOMETIMES\"}}"), "capabilities.recording");
        assertInvalid(http.postJson("/webrtc/1/token", key,
                "{\"identity\": \"carol\", \"capabilities\": {\"video\": true}}"), "capabilities.video");
        assertInvalid(http.postJson("/webrtc/1/token", key, "{\"identity\": \"carol\", \"ttl\": 5}"), "ttl");
        assertInvalid(http.postJson("/webrtc/1/token", key, "{\"identity\": \"carol\""), "body");
        assertInvalid(http.postJson("/webrtc/1/token", key, "[1, 2]"), "body");
        assertInvalid(http.postJson("/webrtc/1/token", key, "{\"identity\": \"carol\", \"identity\": \"dave\"}"), "body");
        assertInvalid(http.postJson("/webrtc/1/token", key, "{\"identity\": \"carol\"} trailing"), "body");
        assertEquals(200, http.postJson("/webrtc/1/token", key, "{\"identity\": \"carol\", \"timeToLive\": 86400}").status());
    }

    @Test
    void wrongContentTypeIs415AndOversizedBodyIs413() {
        var form = http.post("/webrtc/1/token", "text/plain", "{\"identity\": \"dave\"}", auth(key));
        assertProblem(form, 415);
        var missing = http.post("/webrtc/1/token", null, "{\"identity\": \"dave\"}", auth(key));
        assertProblem(missing, 415);
        String huge = "{\"identity\": \"dave\", \"displayName\": \"" + "x".repeat(70_000) + "\"}";
        assertProblem(http.postJson("/webrtc/1/token", key, huge), 413);
    }

    @Test
    void requestsWithoutAValidKeyAre401() {
        var none = http.post("/webrtc/1/token", "application/json", "{\"identity\": \"erin\"}");
        assertProblem(none, 401);
        assertTrue(none.header("WWW-Authenticate").orElse("").startsWith("App"));
        assertProblem(http.postJson("/webrtc/1/token", "ak_nothere.secret", "{\"identity\": \"erin\"}"), 401);
        String wrongSecret = key.substring(0, key.indexOf('.') + 1) + "x".repeat(43);
        assertProblem(http.postJson("/webrtc/1/token", wrongSecret, "{\"identity\": \"erin\"}"), 401);
        assertProblem(http.post("/webrtc/1/token", "application/json", "{}", "Authorization", "Bearer " + key), 401);
        assertProblem(http.get("/accounts/1/api-keys"), 401);
        assertProblem(http.get("/webrtc/1/credentials", "Authorization", "App garbage"), 401);
    }

    @Test
    void unknownRoutesAre404AndWrongMethodsAre405() {
        assertProblem(http.get("/no/such/thing"), 404);
        assertProblem(http.get("/webrtc/1/token", auth(key)), 405);
        assertProblem(http.method("PUT", "/health/live"), 405);
    }

    @Test
    void requestsJettyRefusesBeforeRoutingAreProblemsToo() throws Exception {
        String badUri = raw("GET /accounts/1/api-keys/%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(badUri.startsWith("HTTP/1.1 400"), badUri);
        assertTrue(badUri.contains("Content-Type: application/problem+json"), badUri);
        String bigHeader = raw("GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(bigHeader.startsWith("HTTP/1.1 431"), bigHeader);
        assertTrue(bigHeader.contains("Content-Type: application/problem+json"), bigHeader);
        var after = http.get("/health/live");
        assertEquals(200, after.status(), "the server carries on: " + after.body());
    }

    /** Sends bytes no well-behaved client would, and returns the raw answer. */
    String raw(String request) throws java.io.IOException {
        var uri = java.net.URI.create(http.baseUrl());
        try (var socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    // --- API keys -----------------------------------------------------------------------

    @Test
    void anAccountManagesItsOwnApiKeys() {
        var created = http.postJson("/accounts/1/api-keys", key, "{\"name\": \"ci\"}");
        assertEquals(201, created.status(), created.body());
        String newKey = created.json().get("key").asText();
        String newId = created.json().get("id").asText();
        assertTrue(newKey.startsWith(newId + "."));

        assertEquals(200, http.postJson("/webrtc/1/token", newKey, "{\"identity\": \"frank\"}").status());
        JsonNode listed = findById(http.get("/accounts/1/api-keys?size=100", auth(key)).json(), "id", newId);
        assertEquals("ci", listed.get("name").asText());
        assertTrue(listed.get("active").asBoolean());
        assertFalse(listed.has("key"), "a listed key never shows its text");

        assertEquals(204, http.delete("/accounts/1/api-keys/" + newId, auth(key)).status());
        assertProblem(http.postJson("/webrtc/1/token", newKey, "{\"identity\": \"frank\"}"), 401);
        JsonNode revoked = findById(http.get("/accounts/1/api-keys?size=100", auth(key)).json(), "id", newId);
        assertFalse(revoked.get("active").asBoolean());
        assertTrue(revoked.has("revokedAt"));
        assertProblem(http.delete("/accounts/1/api-keys/ak_doesnotexist", auth(key)), 404);
    }

    @Test
    void listsArePaged() {
        for (int i = 0; i < 3; i++) {
            http.postJson("/webrtc/1/credentials", key, "{\"name\": \"paging " + i + "\"}");
        }
        JsonNode page = http.get("/webrtc/1/credentials?page=1&size=2", auth(key)).json();
        JsonNode paging = page.get("paging");
        assertEquals(1, paging.get("page").asInt());
        assertEquals(2, paging.get("size").asInt());
        long total = paging.get("totalResults").asLong();
        assertTrue(total >= 3);
        assertEquals((total + 1) / 2, paging.get("totalPages").asLong());
        assertTrue(page.get("results").size() <= 2);
        assertInvalid(http.get("/webrtc/1/credentials?size=1000", auth(key)), "size");
        assertInvalid(http.get("/webrtc/1/credentials?page=-1", auth(key)), "page");
        assertInvalid(http.get("/webrtc/1/credentials?page=first", auth(key)), "page");
    }

    // --- OAuth client credentials -------------------------------------------------------

    @Test
    void clientCredentialsGrantIssuesAVerifiableAccessToken() throws Exception {
        var created = http.postJson("/webrtc/1/credentials", key, "{\"name\": \"backend\"}");
        assertEquals(201, created.status(), created.body());
        String clientId = created.json().get("clientId").asText();
        String secret = created.json().get("clientSecret").asText();

        var answer = oauth(Http.basic(clientId, secret), "grant_type=client_credentials&scope=voice.webrtc");
        assertEquals(200, answer.status(), answer.body());
        JsonNode body = answer.json();
        assertEquals("Bearer", body.get("token_type").asText());
        assertEquals(600, body.get("expires_in").asInt());
        assertEquals("no-store", answer.header("Cache-Control").orElse(""));
        var claims = Tokens.verify(http, body.get("access_token").asText());
        assertEquals(body.get("access_token_id").asText(), claims.getJWTID());
        assertEquals("voice.webrtc", claims.getStringClaim("scope"));
        assertEquals(clientId, claims.getStringClaim("client_id"));
        assertEquals(accountId(key), claims.getStringClaim("account"));
        assertEquals(600, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);

        JsonNode listed = findById(http.get("/webrtc/1/credentials?size=100", auth(key)).json(),
                "clientId", clientId);
        assertFalse(listed.has("clientSecret"), "the secret is shown once only");
        assertEquals("backend", http.get("/webrtc/1/credentials/" + clientId, auth(key))
                .json().get("name").asText());

        assertEquals(204, http.delete("/webrtc/1/credentials/" + clientId, auth(key)).status());
        assertOAuthError(oauth(Http.basic(clientId, secret), "grant_type=client_credentials"), 401, "invalid_client");
        assertProblem(http.get("/webrtc/1/credentials/" + clientId, auth(key)), 404);
    }

    @Test
    void oauthErrorsFollowRfc6749() {
        var created = http.postJson("/webrtc/1/credentials", key, "{}").json();
        String clientId = created.get("clientId").asText();
        String secret = created.get("clientSecret").asText();
        String basic = Http.basic(clientId, secret);

        var noClient = oauth(null, "grant_type=client_credentials");
        assertOAuthError(noClient, 401, "invalid_client");
        assertTrue(noClient.header("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertOAuthError(oauth(Http.basic(clientId, "wrong"), "grant_type=client_credentials"), 401, "invalid_client");
        assertOAuthError(oauth(basic, "scope=voice.webrtc"), 400, "invalid_request");
        assertOAuthError(oauth(basic, "grant_type=password&username=a&password=b"), 400, "unsupported_grant_type");
        assertOAuthError(oauth(basic, "grant_type=client_credentials&scope=admin"), 400, "invalid_scope");
        assertOAuthError(oauth(basic, "grant_type=client_credentials&grant_type=client_credentials"), 400,
                "invalid_request");
        var json = http.post("/oauth2/token", "application/json", "{\"grant_type\": \"client_credentials\"}",
                "Authorization", basic);
        assertEquals(415, json.status(), json.body());

        // Form-body client authentication also works, and the scope defaults to voice.webrtc.
        var inBody = oauth(null, "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret);
        assertEquals(200, inBody.status(), inBody.body());
        assertEquals("voice.webrtc", inBody.json().get("scope").asText());
    }

    // --- tenant isolation ---------------------------------------------------------------

    @Test
    void oneAccountNeverSeesAnothersKeysOrCredentials() {
        String otherKey = adminCreateAccount("Other Co");
        var mine = http.postJson("/webrtc/1/credentials", key, "{\"name\": \"mine\"}").json();
        String myClientId = mine.get("clientId").asText();
        String myKeyId = key.substring(0, key.indexOf('.'));

        JsonNode theirList = http.get("/webrtc/1/credentials?size=100", auth(otherKey)).json();
        assertEquals(0, theirList.get("paging").get("totalResults").asLong(), theirList.toString());
        assertProblem(http.get("/webrtc/1/credentials/" + myClientId, auth(otherKey)), 404);
        assertProblem(http.delete("/webrtc/1/credentials/" + myClientId, auth(otherKey)), 404);
        assertProblem(http.delete("/accounts/1/api-keys/" + myKeyId, auth(otherKey)), 404);
        JsonNode theirKeys = http.get("/accounts/1/api-keys", auth(otherKey)).json();
        assertEquals(1, theirKeys.get("paging").get("totalResults").asLong());
        assertFalse(theirKeys.toString().contains(myKeyId));

        // Still there and still mine.
        assertEquals(200, http.get("/webrtc/1/credentials/" + myClientId, auth(key)).status());
        var theirToken = http.postJson("/webrtc/1/token", otherKey, "{\"identity\": \"alice.smith\"}").json();
        assertNotEquals(accountId(key), accountId(otherKey));
        assertEquals(200, http.postJson("/webrtc/1/token", key, "{\"identity\": \"alice.smith\"}").status());
        try {
            assertEquals(accountId(otherKey), Tokens.verify(http, theirToken.get("token").asText())
                    .getStringClaim("account"));
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    // --- rate limits --------------------------------------------------------------------

    @Test
    void tokenEndpointsAreRateLimitedPerClient() {
        try (var limited = TestServer.start(database, workDir,
                Map.of("PARLEY_RATELIMIT_TOKEN_BURST", "2", "PARLEY_RATELIMIT_TOKEN_PER_SECOND", "0.01"))) {
            Http h = limited.http();
            String first = key;
            String second = adminCreateAccount("Rate Co");
            assertEquals(200, h.postJson("/webrtc/1/token", first, "{\"identity\": \"rate1\"}").status());
            assertEquals(200, h.postJson("/webrtc/1/token", first, "{\"identity\": \"rate1\"}").status());
            var refused = h.postJson("/webrtc/1/token", first, "{\"identity\": \"rate1\"}");
            assertProblem(refused, 429);
            long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 101, "Retry-After " + retryAfter);
            assertEquals(200, h.postJson("/webrtc/1/token", second, "{\"identity\": \"rate2\"}").status(),
                    "another client has its own budget");

            var cred = h.postJson("/webrtc/1/credentials", first, "{}").json();
            String basic = Http.basic(cred.get("clientId").asText(), cred.get("clientSecret").asText());
            for (int i = 0; i < 2; i++) {
                assertEquals(200, h.post("/oauth2/token", "application/x-www-form-urlencoded",
                        "grant_type=client_credentials", "Authorization", basic).status());
            }
            var oauthRefused = h.post("/oauth2/token", "application/x-www-form-urlencoded",
                    "grant_type=client_credentials", "Authorization", basic);
            assertEquals(429, oauthRefused.status(), oauthRefused.body());
            assertTrue(oauthRefused.header("Retry-After").isPresent());

            // Guessing secrets is limited per remote address, and does not spend the real client's budget.
            var other = h.postJson("/webrtc/1/credentials", second, "{}").json();
            String otherId = other.get("clientId").asText();
            for (int i = 0; i < 2; i++) {
                assertEquals(401, h.post("/oauth2/token", "application/x-www-form-urlencoded",
                        "grant_type=client_credentials", "Authorization", Http.basic(otherId, "guess" + i)).status());
            }
            assertEquals(429, h.post("/oauth2/token", "application/x-www-form-urlencoded",
                    "grant_type=client_credentials", "Authorization", Http.basic(otherId, "guess")).status());
            assertEquals(200, h.post("/oauth2/token", "application/x-www-form-urlencoded", "grant_type=client_credentials",
                    "Authorization", Http.basic(otherId, other.get("clientSecret").asText())).status());
        }
    }

    // --- helpers ------------------------------------------------------------------------

    String token(String identity, String apiKey) {
        var response = http.postJson("/webrtc/1/token", apiKey, "{\"identity\": \"" + identity + "\"}");
        assertEquals(200, response.status(), response.body());
        return response.json().get("token").asText();
    }

    String accountId(String apiKey) {
        try {
            return Tokens.verify(http, token("whoami", apiKey)).getStringClaim("account");
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    /** Creates an account through the operator command line, as an operator would, and returns its key. */
    String adminCreateAccount(String name) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Admin.run(List.of("create-account", name), server.config(), Clock.systemUTC(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.getLast().startsWith("API key: "), "the key is the last line printed: " + lines);
        return lines.getLast().substring("API key: ".length());
    }

    Http.Response oauth(String authorization, String form) {
        return authorization == null
                ? http.post("/oauth2/token", "application/x-www-form-urlencoded", form)
                : http.post("/oauth2/token", "application/x-www-form-urlencoded", form, "Authorization", authorization);
    }

    static JsonNode findById(JsonNode page, String idField, String id) {
        return StreamSupport.stream(page.get("results").spliterator(), false)
                .filter(item -> id.equals(item.get(idField).asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + page));
    }

    static void assertProblem(Http.Response response, int status) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        JsonNode body = response.json();
        assertEquals(status, body.get("status").asInt());
        assertFalse(body.get("title").asText().isBlank());
        assertFalse(body.get("detail").asText().isBlank());
        assertFalse(response.body().contains("at dev.parley") || response.body().contains("Exception"),
                "no stack trace: " + response.body());
    }

    static void assertInvalid(Http.Response response, String field) {
        assertProblem(response, 400);
        JsonNode params = response.json().get("invalid-params");
        assertTrue(params != null && params.isArray(), response.body());
        assertTrue(StreamSupport.stream(params.spliterator(), false)
                .anyMatch(p -> field.equals(p.get("name").asText())), field + " named in " + response.body());
    }

    static void assertOAuthError(Http.Response response, int status, String error) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        assertEquals(error, response.json().get("error").asText(), response.body());
        assertFalse(response.json().get("error_description").asText().isBlank());
        assertEquals("no-store", response.header("Cache-Control").orElse(""));
    }
}
