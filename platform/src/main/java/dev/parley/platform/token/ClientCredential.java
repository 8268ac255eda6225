package dev.parley.platform.token;

import java.time.Instant;

/** An OAuth 2.0 client of an account, without its secret. */
public record ClientCredential(String clientId, String accountId, String name, Instant createdAt) {
}
