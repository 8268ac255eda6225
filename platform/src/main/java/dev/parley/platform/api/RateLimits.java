package dev.parley.platform.api;

import java.util.List;
import java.util.Map;

/** The rate limit of the token endpoints, turned into 429 answers. */
final class RateLimits {

    private final RateLimiter limiter;

    RateLimits(RateLimiter limiter) {
        this.limiter = limiter;
    }

    void check(String client) {
        var wait = limiter.acquire(client);
        if (wait.isPresent()) {
            String seconds = Long.toString(wait.getAsLong());
            throw new ApiProblem(429, "Too many requests",
                    "too many token requests from this client; retry after " + seconds + " s",
                    List.of(), Map.of("Retry-After", seconds));
        }
    }
}
