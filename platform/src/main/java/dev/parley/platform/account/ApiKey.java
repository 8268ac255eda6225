package dev.parley.platform.account;

import java.time.Instant;
import java.util.Optional;

/** What is known about an API key after it was issued: never its secret. */
public record ApiKey(String id, String accountId, String name, Instant createdAt, Optional<Instant> revokedAt) {

    public boolean isActive() {
        return revokedAt.isEmpty();
    }
}
