package dev.parley.platform.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.platform.InMemoryDatabase;
import dev.parley.platform.MutableClock;
import dev.parley.platform.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final Database database = InMemoryDatabase.open();
    private final SigningKeyRing ring = new SigningKeyRing(new SigningKeyStore(database), clock, Duration.ofSeconds(10));
    private final TokenSigner signer = new TokenSigner(ring, clock, "http://localhost");
    private final TokenVerifier verifier = new TokenVerifier(ring, clock);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aFreshIdentityTokenVerifies() {
        var token = new IdentityTokens(signer).issue("acc_1", new IdentityTokenRequest("alice", Optional.of("Alice"),
                Duration.ofMinutes(5), Optional.of(RecordingCapability.ALWAYS)));
        var identity = verifier.identity(token.token());
        assertEquals("alice", identity.identity());
        assertEquals("acc_1", identity.accountId());
        assertEquals(Optional.of("Alice"), identity.displayName());
        assertEquals(Optional.of(RecordingCapability.ALWAYS), identity.recording());
    }

    @Test
    void expiredTamperedForeignAndWrongUseTokensAreRefused() {
        var token = new IdentityTokens(signer).issue("acc_1", new IdentityTokenRequest("alice", Optional.empty(),
                Duration.ofMinutes(5), Optional.empty())).token();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertRefused(tampered);
        assertRefused("not.a.jwt");
        assertRefused("");

        var access = new AccessTokens(signer).issue(new ClientCredential("cid_1", "acc_1", "x", clock.instant()));
        assertRefused(access.token());

        var otherDatabase = InMemoryDatabase.open();
        try {
            var otherRing = new SigningKeyRing(new SigningKeyStore(otherDatabase), clock, Duration.ofSeconds(10));
            var foreign = new IdentityTokens(new TokenSigner(otherRing, clock, "http://elsewhere"))
                    .issue("acc_1", IdentityTokenRequest.of("alice")).token();
            assertRefused(foreign);
        } finally {
            otherDatabase.close();
        }

        clock.advance(Duration.ofMinutes(6));
        assertRefused(token);
    }

    private void assertRefused(String token) {
        var e = assertThrows(TokenVerifier.InvalidToken.class, () -> verifier.identity(token));
        assertTrue(!e.getMessage().isBlank());
    }
}
