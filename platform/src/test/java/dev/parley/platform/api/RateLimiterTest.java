package dev.parley.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.platform.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));

    @Test
    void aBurstPassesThenTheRateApplies() {
        var limiter = new RateLimiter(2, 3, clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(OptionalLong.empty(), limiter.acquire("a"));
        }
        assertEquals(OptionalLong.of(1), limiter.acquire("a"));
        clock.advance(Duration.ofMillis(500));
        assertEquals(OptionalLong.empty(), limiter.acquire("a"), "one token back after half a second at 2/s");
        assertTrue(limiter.acquire("a").isPresent());
        assertEquals(OptionalLong.empty(), limiter.acquire("b"), "each client has its own bucket");
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        var limiter = new RateLimiter(0.1, 1, clock);
        limiter.acquire("a");
        assertEquals(OptionalLong.of(10), limiter.acquire("a"));
    }

    @Test
    void quietClientsAreForgotten() {
        var limiter = new RateLimiter(10, 1, clock);
        for (int i = 0; i < 2000; i++) {
            limiter.acquire("client-" + i);
        }
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 1100; i++) {
            limiter.acquire("late");
        }
        assertTrue(limiter.trackedClients() < 100, "tracked " + limiter.trackedClients());
    }
}
