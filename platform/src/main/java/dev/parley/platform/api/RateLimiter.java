package dev.parley.platform.api;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code perSecond}.
 * Buckets of clients that have been quiet long enough to be full again are dropped, so the
 * map stays as small as the set of recently active clients.
 */
public final class RateLimiter {

    private static final int SWEEP_EVERY = 1024;

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private int callsSinceSweep;

    public RateLimiter(double perSecond, int burst, Clock clock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("perSecond must be positive and burst at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /**
     * Takes one request from {@code client}'s bucket. Empty when allowed; otherwise how many
     * whole seconds to wait before the next request can pass (for {@code Retry-After}).
     */
    public OptionalLong acquire(String client) {
        long nowNanos = nanos();
        sweepNow(nowNanos);
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(burst, nowNanos));
        synchronized (bucket) {
            bucket.refill(nowNanos, perSecond, burst);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return OptionalLong.empty();
            }
            double secondsToOne = (1 - bucket.tokens) / perSecond;
            return OptionalLong.of(Math.max(1, (long) Math.ceil(secondsToOne)));
        }
    }

    int trackedClients() {
        return buckets.size();
    }

    private void sweepNow(long nowNanos) {
        synchronized (this) {
            if (++callsSinceSweep < SWEEP_EVERY) {
                return;
            }
            callsSinceSweep = 0;
        }
        long fullAfterNanos = (long) (burst / perSecond * 1e9);
        buckets.entrySet().removeIf(entry -> nowNanos - entry.getValue().updatedNanos > fullAfterNanos);
    }

    private long nanos() {
        Duration sinceEpoch = Duration.between(java.time.Instant.EPOCH, clock.instant());
        return sinceEpoch.toNanos();
    }

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long updatedNanos) {
            this.tokens = tokens;
            this.updatedNanos = updatedNanos;
        }

        void refill(long nowNanos, double perSecond, double burst) {
            long elapsed = Math.max(0, nowNanos - updatedNanos);
            tokens = Math.min(burst, tokens + elapsed / 1e9 * perSecond);
            updatedNanos = nowNanos;
        }
    }
}
