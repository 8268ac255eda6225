package dev.parley.platform.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.parley.platform.InMemoryDatabase;
import dev.parley.platform.MutableClock;
import dev.parley.platform.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SigningKeyRingTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final Database database = InMemoryDatabase.open();
    private final SigningKeyRing ring = new SigningKeyRing(new SigningKeyStore(database), clock, Duration.ofSeconds(10));

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theFirstUseCreatesOneKeyAndKeepsIt() {
        String kid = ring.activeKey().kid();
        assertEquals(kid, ring.activeKey().kid());
        clock.advance(Duration.ofHours(1));
        var second = new SigningKeyRing(new SigningKeyStore(database), clock, Duration.ofSeconds(10));
        assertEquals(kid, second.activeKey().kid(), "another ring over the same table sees the same key");
        assertEquals(List.of(kid), kids(ring.jwks()));
    }

    @Test
    void aRotatedKeyStaysPublishedUntilItsTokensHaveExpired() {
        String old = ring.activeKey().kid();
        clock.advance(Duration.ofMinutes(1));
        String fresh = ring.rotate().kid();
        assertNotEquals(old, fresh);
        assertEquals(fresh, ring.activeKey().kid());
        assertEquals(List.of(fresh, old), kids(ring.jwks()));

        clock.advance(TokenLimits.MAX_IDENTITY_TTL);
        assertEquals(List.of(fresh, old), kids(ring.jwks()), "a 24-hour token signed just before rotation is still valid");

        clock.advance(Duration.ofMinutes(6));
        assertEquals(List.of(fresh), kids(ring.jwks()), "retired and past every token's lifetime");
    }

    @Test
    void aRotationByAnotherProcessIsSeenAfterTheRefreshInterval() {
        String old = ring.activeKey().kid();
        var otherProcess = new SigningKeyRing(new SigningKeyStore(database), clock, Duration.ofSeconds(10));
        String fresh = otherProcess.rotate().kid();
        assertEquals(old, ring.activeKey().kid(), "cached until the refresh");
        clock.advance(Duration.ofSeconds(10));
        assertEquals(fresh, ring.activeKey().kid());
    }

    @Test
    void theJwksHoldsPublicKeysOnly() {
        ring.activeKey();
        @SuppressWarnings("unchecked")
        var key = ((List<Map<String, Object>>) ring.jwks().get("keys")).getFirst();
        assertEquals("EC", key.get("kty"));
        assertEquals("P-256", key.get("crv"));
        assertEquals("ES256", key.get("alg"));
        assertEquals(false, key.containsKey("d"), "no private part");
    }

    @SuppressWarnings("unchecked")
    private static List<String> kids(Map<String, Object> jwks) {
        return ((List<Map<String, Object>>) jwks.get("keys")).stream().map(k -> (String) k.get("kid")).toList();
    }
}
