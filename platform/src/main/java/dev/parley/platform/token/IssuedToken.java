package dev.parley.platform.token;

import java.time.Instant;

/** A signed token with its id ({@code jti}) and expiry. */
public record IssuedToken(String token, String id, Instant issuedAt, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[id=" + id + ", expiresAt=" + expiresAt + "]";
    }
}
