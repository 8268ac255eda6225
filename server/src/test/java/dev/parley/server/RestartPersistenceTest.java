package dev.parley.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.parley.server.support.Http;
import dev.parley.server.support.TestDatabase;
import dev.parley.server.support.TestServer;
import dev.parley.server.support.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Everything survives a restart: the account, its keys, OAuth credentials and the signing
 * keys (so tokens issued before still verify). Rotation and revocation from the command
 * line reach a running server.
 */
class RestartPersistenceTest {

    @TempDir
    Path workDir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void accountsKeysCredentialsAndSigningKeysSurviveRestarts(String kind) throws Exception {
        try (TestDatabase database = kind.equals("h2") ? TestDatabase.h2(workDir.resolve("data")) : TestDatabase.postgres()) {
            Map<String, String> fastRefresh = Map.of("PARLEY_SIGNING_KEY_REFRESH_SECONDS", "1");
            String apiKey;
            String tokenBefore;
            String kidBefore;
            String clientId;
            String clientSecret;
            try (var first = TestServer.start(database, workDir, fastRefresh)) {
                apiKey = first.firstApiKey();
                tokenBefore = first.http().postJson("/webrtc/1/token", apiKey, "{\"identity\": \"alice\"}")
                        .json().get("token").asText();
                kidBefore = SignedJWT.parse(tokenBefore).getHeader().getKeyID();
                var credential = first.http().postJson("/webrtc/1/credentials", apiKey, "{}").json();
                clientId = credential.get("clientId").asText();
                clientSecret = credential.get("clientSecret").asText();
            }

            try (var second = TestServer.start(database, workDir, fastRefresh)) {
                Http http = second.http();
                assertTrue(second.server().firstApiKey().isEmpty(), "no second first account");
                assertEquals("alice", Tokens.verify(http, tokenBefore).getStringClaim("identity"),
                        "a token from before the restart still verifies");
                String tokenAfter = http.postJson("/webrtc/1/token", apiKey, "{\"identity\": \"bob\"}")
                        .json().get("token").asText();
                assertEquals(kidBefore, SignedJWT.parse(tokenAfter).getHeader().getKeyID(), "same signing key");
                assertEquals(200, http.post("/oauth2/token", "application/x-www-form-urlencoded",
                        "grant_type=client_credentials", "Authorization", Http.basic(clientId, clientSecret)).status());

                // Rotation from the command line, while the server runs.
                String rotated = admin(second, "rotate-signing-key");
                String kidAfter = rotated.lines().filter(l -> l.startsWith("New signing key: ")).findFirst()
                        .orElseThrow().substring("New signing key: ".length());
                assertNotEquals(kidBefore, kidAfter);
                assertEquals(kidAfter, waitForSigningKey(http, apiKey, kidAfter));
                assertEquals(Set.of(kidBefore, kidAfter), publishedKids(http), "the old key stays published");
                assertEquals("alice", Tokens.verify(http, tokenBefore).getStringClaim("identity"));

                // Revocation from the command line takes effect at once.
                String extra = lastLine(admin(second, "create-api-key", accountOf(http, apiKey), "ops"))
                        .substring("API key: ".length());
                assertEquals(200, http.postJson("/webrtc/1/token", extra, "{\"identity\": \"carol\"}").status());
                admin(second, "revoke-api-key", extra.substring(0, extra.indexOf('.')));
                assertEquals(401, http.postJson("/webrtc/1/token", extra, "{\"identity\": \"carol\"}").status());
            }

            try (var third = TestServer.start(database, workDir, Map.of())) {
                assertEquals(2, publishedKids(third.http()).size());
                assertEquals("alice", Tokens.verify(third.http(), tokenBefore).getStringClaim("identity"));
            }
        }
    }

    private static String waitForSigningKey(Http http, String apiKey, String expectedKid) throws Exception {
        String kid = "";
        for (int attempt = 0; attempt < 50 && !kid.equals(expectedKid); attempt++) {
            String token = http.postJson("/webrtc/1/token", apiKey, "{\"identity\": \"dave\"}").json().get("token").asText();
            kid = SignedJWT.parse(token).getHeader().getKeyID();
            if (!kid.equals(expectedKid)) {
                Thread.sleep(100);
            }
        }
        return kid;
    }

    private static Set<String> publishedKids(Http http) {
        return StreamSupport.stream(http.get("/.well-known/jwks.json").json().get("keys").spliterator(), false)
                .map(k -> k.get("kid").asText())
                .collect(Collectors.toSet());
    }

    private static String accountOf(Http http, String apiKey) throws Exception {
        String token = http.postJson("/webrtc/1/token", apiKey, "{\"identity\": \"erin\"}").json().get("token").asText();
        return Tokens.verify(http, token).getStringClaim("account");
    }

    private static String admin(TestServer server, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Admin.run(List.of(args), server.config(), Clock.systemUTC(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String lastLine(String text) {
        return text.lines().reduce((a, b) -> b).orElse("");
    }
}
